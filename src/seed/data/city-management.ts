import { group, leaf, type SeedCategory } from './types.js';

/**
 * Digital city management (数字化城市管理) after GB/T 30428.2. Events (事件): the standard's
 * 大类 01–05 (市容环境, 宣传广告, 施工管理, 突发事件, 街面秩序) at 30 + NN, and 36 for the
 * extension class (扩展事件) used here for municipal facilities. Components (部件): 大类 01–04
 * and 06 (公用设施, 道路交通, 市容环境, 园林绿化, 其他设施) at 40 + NN. The 小类 names follow
 * the standard's wording; the numbering within a 大类 is ours.
 */
export const cityManagement: SeedCategory[] = [
  group('31', '市容环境', 'City appearance (event)', 'event', [
    leaf('31-01', '私搭乱建', 'Unauthorised structures', 'event'),
    leaf('31-02', '暴露垃圾', 'Exposed rubbish', 'event', 'street'),
    leaf('31-03', '积存垃圾渣土', 'Accumulated waste and spoil', 'event', 'street'),
    leaf('31-04', '道路不洁', 'Dirty road', 'event', 'street'),
    leaf('31-05', '水域不洁', 'Floating litter on water', 'event'),
    leaf('31-06', '绿地脏乱', 'Littered green space', 'event', 'street'),
    leaf('31-07', '乱堆物堆料', 'Materials piled in public space', 'event', 'street'),
    leaf('31-08', '露天烧烤', 'Open-air barbecue', 'event', 'street'),
    leaf('31-09', '违规晾晒', 'Laundry hung in public space', 'event', 'street'),
    leaf('31-10', '道路遗撒', 'Spillage on the road', 'event', 'street'),
  ]),
  group('32', '宣传广告', 'Advertising (event)', 'event', [
    leaf('32-01', '非法小广告', 'Illegal flyers and stickers', 'event', 'street'),
    leaf('32-02', '违规张贴悬挂广告', 'Unauthorised posters and banners', 'event'),
    leaf('32-03', '违规户外广告牌匾', 'Unauthorised outdoor billboard or shop sign', 'event'),
    leaf('32-04', '广告招牌破损', 'Damaged billboard or shop sign', 'event'),
    leaf('32-05', '占道广告牌', 'Advertising board blocking the pavement', 'event', 'street'),
  ]),
  group('33', '施工管理', 'Construction sites (event)', 'event', [
    leaf('33-01', '施工扰民', 'Construction disturbing residents', 'event'),
    leaf('33-02', '工地扬尘', 'Construction dust', 'event'),
    leaf('33-03', '施工占道', 'Construction occupying the road', 'event'),
    leaf('33-04', '无证掘路', 'Road dug up without permit', 'event'),
    leaf('33-05', '施工废弃料', 'Construction waste left behind', 'event'),
    leaf('33-06', '渣土车遗撒', 'Spoil trucks spilling', 'event', 'street'),
  ]),
  group('34', '突发事件', 'Emergencies (event)', 'event', [
    leaf('34-01', '路面塌陷', 'Road collapse', 'event', 'emergency'),
    leaf('34-02', '道路积水', 'Road flooding', 'event', 'emergency'),
    leaf('34-03', '自来水管爆裂', 'Burst water main', 'event', 'emergency'),
    leaf('34-04', '燃气管道泄漏', 'Gas pipe leak', 'event', 'emergency'),
    leaf('34-05', '火灾', 'Fire', 'event', 'emergency'),
    leaf('34-06', '树木倒伏', 'Fallen tree', 'event', 'emergency'),
    leaf('34-07', '道路结冰积雪', 'Ice or snow on the road', 'event', 'emergency'),
  ]),
  group('35', '街面秩序', 'Street order (event)', 'event', [
    leaf('35-01', '无照经营游商', 'Unlicensed street vendors', 'event', 'street'),
    leaf('35-02', '占道经营', 'Business occupying the road', 'event', 'street'),
    leaf('35-03', '店外经营', 'Trading outside the shop', 'event', 'street'),
    leaf('35-04', '机动车乱停放', 'Illegally parked car', 'event', 'street'),
    leaf('35-05', '非机动车乱停放', 'Badly parked bicycles and scooters', 'event', 'street'),
    leaf('35-06', '流浪乞讨', 'Begging and rough sleeping', 'event', 'street'),
    leaf('35-07', '占道废品收购', 'Scrap collection on the road', 'event', 'street'),
    leaf('35-08', '黑车揽客', 'Unlicensed taxis touting', 'event', 'street'),
    leaf('35-09', '街头散发广告', 'Handing out flyers in the street', 'event', 'street'),
    leaf('35-10', '共享单车乱停放', 'Shared bikes badly parked', 'event', 'street'),
    leaf('35-11', '私设地锁', 'Private parking lock on public ground', 'event', 'street'),
  ]),
  group('36', '市政设施事件', 'Municipal facilities (event)', 'event', [
    leaf('36-01', '道路破损', 'Damaged road surface', 'event'),
    leaf('36-02', '人行道破损', 'Damaged pavement', 'event'),
    leaf('36-03', '桥梁设施损坏', 'Damaged bridge fittings', 'event'),
    leaf('36-04', '排水管道堵塞', 'Blocked sewer', 'event'),
  ]),
  group('41', '公用设施', 'Public utilities (component)', 'component', [
    group('41-01', '井盖', 'Manhole covers', 'component', [
      leaf('41-01-01', '井盖缺失', 'Missing manhole cover', 'component', 'hazard'),
      leaf('41-01-02', '井盖破损', 'Broken manhole cover', 'component', 'hazard'),
      leaf('41-01-03', '井盖移位或不平', 'Displaced or uneven manhole cover', 'component'),
    ]),
    group('41-02', '路灯', 'Street lights', 'component', [
      leaf('41-02-01', '路灯不亮', 'Street light out', 'component'),
      leaf('41-02-02', '路灯损坏', 'Damaged street light', 'component'),
      leaf('41-02-03', '白天亮灯', 'Street light on in daytime', 'component'),
    ]),
    group('41-03', '消火栓', 'Fire hydrants', 'component', [
      leaf('41-03-01', '消火栓损坏', 'Damaged fire hydrant', 'component', 'hazard'),
      leaf('41-03-02', '消火栓漏水', 'Leaking fire hydrant', 'component'),
    ]),
    leaf('41-04', '变电箱配电箱', 'Transformer or distribution box', 'component', 'hazard'),
  ]),
  group('42', '道路交通设施', 'Road traffic facilities (component)', 'component', [
    leaf('42-01', '交通护栏', 'Traffic railing damaged or missing', 'component', 'hazard'),
    leaf('42-02', '交通信号灯', 'Traffic light fault', 'component', 'hazard'),
    leaf('42-03', '交通标志牌', 'Damaged traffic sign', 'component'),
    leaf('42-04', '公交站亭', 'Damaged bus shelter', 'component'),
    leaf('42-05', '路名牌', 'Damaged street name sign', 'component'),
    leaf('42-06', '隔离墩与挡车桩', 'Bollards and barriers', 'component'),
  ]),
  group('43', '市容环境设施', 'City appearance facilities (component)', 'component', [
    group('43-01', '垃圾箱', 'Litter bins', 'component', [
      leaf('43-01-01', '垃圾箱满溢', 'Overflowing litter bin', 'component', 'street'),
      leaf('43-01-02', '垃圾箱破损', 'Damaged litter bin', 'component'),
    ]),
    group('43-02', '公共厕所', 'Public toilets', 'component', [
      leaf('43-02-01', '公厕脏乱', 'Dirty public toilet', 'component', 'street'),
      leaf('43-02-02', '公厕设施损坏', 'Broken public toilet fittings', 'component'),
    ]),
    leaf('43-03', '垃圾分类桶站', 'Waste sorting station', 'component'),
    leaf('43-04', '户外座椅', 'Outdoor bench', 'component'),
  ]),
  group('44', '园林绿化设施', 'Greening facilities (component)', 'component', [
    leaf('44-01', '行道树', 'Street tree dead or damaged', 'component'),
    leaf('44-02', '绿地损坏', 'Damaged lawn or bare soil', 'component'),
    leaf('44-03', '护树设施', 'Tree guard damaged', 'component'),
    leaf('44-04', '花坛花箱', 'Flower bed or planter damaged', 'component'),
  ]),
  group('46', '其他设施', 'Other facilities (component)', 'component', [
    leaf('46-01', '健身设施', 'Outdoor fitness equipment', 'component', 'hazard'),
    leaf('46-02', '宣传栏', 'Notice board', 'component'),
    leaf('46-03', '电子监控设施', 'CCTV equipment', 'component'),
    leaf('46-04', '电动车充电桩', 'E-bike charging point', 'component'),
  ]),
];
