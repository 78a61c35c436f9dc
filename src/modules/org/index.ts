import type { Module } from '../module.js';
import { orgRoutes } from './org.routes.js';

/** The org tree: city → district → street → community → grid, plus departments. */
export const orgModule: Module = { name: 'org', routes: orgRoutes };

export { importDistrict, type ImportCounts } from './org.import.js';
export { DEPARTMENTS, departmentCode, seedDepartments, seedGrids } from './org.structure.js';
export {
  findAncestorOfKind,
  findUnitByCode,
  findUnitById,
  findUnitsOnPath,
  listChildren,
  listRoots,
  searchUnits,
} from './org.repository.js';
export { getUnit, isInDistrict, isInSubtree, resolveUnitPath } from './org.service.js';
export { presentUnit } from './org.presenter.js';
export { communityShortName, streetShortName } from './org.names.js';
