import type { SeedRule } from './types.js';

const unit = (category: string | null, lead: string, note: string, co?: string[]): SeedRule =>
  co ? { category, mode: 'unit', lead, co, note } : { category, mode: 'unit', lead, note };
const street = (category: string, note: string, co?: string[]): SeedRule =>
  co ? { category, mode: 'street', co, note } : { category, mode: 'street', note };

/**
 * The demo dispatch catalogue (派单目录). Departments are named by suffix and become
 * `<district>-Dnn`: D01 住建委, D02 城管委, D03 生态环境局, D04 交通局, D05 教委, D06 人社局,
 * D07 商务局, D08 卫健委, D09 水务局, D10 市场监管局, D11 公安分局, D12 城管执法局, D13 民政局,
 * D14 园林绿化局, D15 应急管理局, D16 农业农村局, D17 发改委, D18 文旅局, D19 政数局,
 * D20 指挥中心. Each 12345 domain goes to its department; street-level matters go straight to
 * the street/township of the case's area (直派街乡); a few matters are co-handled (主办 + 协办).
 * The most specific rule wins, so sub-category rules below refine their domain's rule.
 */
export const seedRules: SeedRule[] = [
  unit(null, 'D20', '兜底：未匹配的诉求由指挥中心研判派单'),
  unit('01', 'D01', '住房/物业 → 住建委'),
  street('01-01', '物业纠纷属地化解，直派街乡', ['D01']),
  unit('01-01-05', 'D10', '电梯困人：特种设备由市场监管局主办，住建委协办', ['D01']),
  unit('02', 'D02', '城市管理 → 城管委'),
  street('02-04', '违法建设属地拆除，城管执法局协办', ['D12']),
  unit('03', 'D03', '生态环境 → 生态环境局'),
  unit('03-01-02', 'D12', '餐饮油烟由城管执法局查处，生态环境局协办', ['D03']),
  unit('03-02-02', 'D01', '施工扰民：住建委主办，城管执法局协办', ['D12']),
  unit('04', 'D04', '交通出行 → 交通局'),
  unit('04-03-03', 'D11', '道路拥堵：交管主办，交通局协办', ['D04']),
  unit('04-04', 'D11', '交通违法 → 公安分局（交管）'),
  unit('05', 'D05', '教育 → 教委'),
  unit('06', 'D06', '劳动社保 → 人社局'),
  unit('07', 'D07', '商务服务 → 商务局'),
  unit('08', 'D08', '医疗卫生 → 卫健委'),
  unit('09', 'D09', '供水排水 → 水务局'),
  unit('10', 'D10', '市场监管/消费 → 市场监管局'),
  unit('11', 'D11', '社会治安 → 公安分局'),
  street('11-02', '社会生活噪声属地调解，公安分局协办', ['D11']),
  unit('12', 'D13', '民政 → 民政局'),
  unit('12-01-03', 'D13', '流浪乞讨救助：民政局主办，公安分局协办', ['D11']),
  unit('13', 'D14', '园林绿化 → 园林绿化局'),
  unit('14', 'D15', '应急安全 → 应急管理局'),
  unit('15', 'D16', '农业农村 → 农业农村局'),
  unit('16', 'D17', '营商环境 → 发改委'),
  unit('17', 'D18', '文化旅游 → 文旅局'),
  unit('18', 'D19', '政务服务 → 政数局'),
  unit('19', 'D20', '综合类 → 指挥中心'),
  street('31', '市容环境事件直派街乡'),
  street('32', '宣传广告事件直派街乡'),
  unit('33', 'D12', '施工管理 → 城管执法局', ['D01']),
  unit('33-01', 'D01', '施工扰民：住建委主办，城管执法局协办', ['D12']),
  unit('34', 'D15', '突发事件 → 应急管理局'),
  unit('34-01', 'D02', '路面塌陷：城管委主办，应急管理局协办', ['D15']),
  unit('34-02', 'D09', '道路积水 → 水务局', ['D02']),
  unit('34-03', 'D09', '自来水管爆裂 → 水务局'),
  unit('34-04', 'D02', '燃气泄漏：城管委主办，应急管理局协办', ['D15']),
  unit('34-06', 'D14', '树木倒伏 → 园林绿化局'),
  street('35', '街面秩序事件直派街乡'),
  unit('35-04', 'D11', '机动车乱停放 → 公安分局（交管）'),
  unit('36', 'D02', '市政设施事件 → 城管委'),
  unit('41', 'D02', '公用设施部件 → 城管委'),
  unit('41-03', 'D15', '消火栓：应急管理局主办，水务局协办', ['D09']),
  unit('42', 'D04', '道路交通设施 → 交通局'),
  unit('42-02', 'D11', '交通信号灯 → 公安分局（交管）'),
  street('43', '市容环境设施直派街乡'),
  unit('43-02-02', 'D02', '公厕设施维修 → 城管委'),
  unit('44', 'D14', '园林绿化设施 → 园林绿化局'),
  street('46', '其他设施直派街乡'),
];
