/**
 * Hand-written report texts for the demo history, one entry per category: what a caller, a web or
 * WeChat user, a grid inspector or a sensor would say, with slots the generator fills from the
 * district — {street} and {community} (short names of the seeded units), {road} (a road of the
 * district), {n} (a small number), {bldg} (a building number). Written for the demo; no data set
 * text is used.
 */
export type HistoryChannel = 'hotline' | 'web' | 'wechat' | 'grid' | 'iot';

export interface HistoryTemplate {
  /** Leaf category code of the demo taxonomy. */
  code: string;
  /** Channels this kind of report arrives through. */
  channels: readonly HistoryChannel[];
  /** Relative frequency among the templates of a channel. */
  weight: number;
  texts: readonly string[];
  /** What the unit writes when it resolves the case. */
  result: string;
  kind?: 'request' | 'consultation';
  /** Share of urgent reports (the rest are normal). */
  urgent?: number;
}

const citizen = ['hotline', 'web', 'wechat'] as const;
const street = ['hotline', 'wechat', 'grid'] as const;

export const roads = [
  '兴华大街',
  '黄村西大街',
  '金星路',
  '欣宁街',
  '西红门路',
  '旧忠路',
  '永兴路',
  '康庄路',
  '林校路',
  '兴业大街',
  '清源路',
  '高米店街',
  '双河北路',
  '新源大街',
  '兴丰大街',
  '团河路',
];

export const templates: readonly HistoryTemplate[] = [
  {
    code: '01-01-01',
    channels: citizen,
    weight: 6,
    texts: [
      '{community}小区物业长期不打扫楼道，{bldg}号楼垃圾堆了一周没人管，希望督促物业履行职责。',
      '我住{street}{community}，物业对业主报修的楼道灯拖了半个月不修，打电话也不接。',
    ],
    result: '已约谈物业公司，楼道已清扫、灯具已更换，物业承诺建立日常巡查台账。',
  },
  {
    code: '01-02-02',
    channels: citizen,
    weight: 4,
    texts: [
      '{community}{bldg}号楼顶层下雨天屋顶漏水，墙皮脱落，找物业说要报维修基金，一直没有进展。',
      '楼上卫生间漏水渗到我家顶棚，{community}{bldg}号楼，协调多次无果，请帮忙处理。',
    ],
    result: '已组织物业与维修单位现场查勘，完成屋面防水修补，诉求人确认不再渗漏。',
  },
  {
    code: '01-03-04',
    channels: citizen,
    weight: 2,
    texts: ['{community}{bldg}号楼有一户改成群租房，住了十几个人，进出杂乱有安全隐患，请核查。'],
    result: '社区会同派出所入户核查，已责令房东清退超住人员并拆除隔断。',
  },
  {
    code: '02-01-01',
    channels: ['hotline', 'wechat'],
    weight: 5,
    urgent: 0.2,
    texts: [
      '{community}{bldg}号楼暖气不热，室温只有十五六度，家里有老人孩子，请尽快处理。',
      '供暖开始好几天了{community}小区还是冰凉的，物业说是供热站的问题，请协调。',
    ],
    result: '供热单位已排查管网并对楼内管道排气，复测室温达到 18 ℃ 以上。',
  },
  {
    code: '02-03-01',
    channels: street,
    weight: 5,
    texts: [
      '{street}{community}垃圾站已经三天没有清运了，气味很大，周边居民意见很大。',
      '{road}与{community}路口的垃圾桶满了溢出来，一直没人来收。',
    ],
    result: '已通知环卫作业单位加密清运频次，现场已清理完毕。',
  },
  {
    code: '03-01-02',
    channels: citizen,
    weight: 3,
    texts: ['{road}{community}底商饭馆油烟直排，没有净化设施，楼上住户窗户都不敢开。'],
    result: '执法队现场检查，责令商户安装油烟净化设备，已整改到位。',
  },
  {
    code: '03-02-02',
    channels: citizen,
    weight: 3,
    texts: [
      '{road}旁边的工地晚上十一点以后还在施工，噪音太大影响休息，请查处。',
      '{community}附近工地夜间打桩，连续几天到凌晨，严重扰民。',
    ],
    result: '已核查夜间施工许可，责令工地停止夜间高噪声作业，并安排夜间巡查。',
  },
  {
    code: '04-03-01',
    channels: citizen,
    weight: 2,
    texts: ['{community}小区停车费今年突然涨价，没有公示也没开业主大会，想问是否合规。'],
    result: '已向诉求人说明停车收费备案规定，并督促物业补办公示手续。',
  },
  {
    code: '05-01',
    channels: ['hotline', 'web'],
    weight: 3,
    kind: 'consultation',
    texts: ['孩子明年上小学，户籍在{street}，房子在{community}，请问应该去哪个学校登记？'],
    result: '已告知入学登记时间、所需材料及对口学校查询方式。',
  },
  {
    code: '06-01-01',
    channels: ['hotline', 'web'],
    weight: 3,
    urgent: 0.3,
    texts: ['我在{road}一个工地干活，老板拖欠我们十几个人三个月工资，一直说下个月发。'],
    result: '劳动监察大队已约谈施工总包单位，拖欠工资已于本周足额发放。',
  },
  {
    code: '06-02-01',
    channels: ['hotline', 'web'],
    weight: 2,
    kind: 'consultation',
    texts: ['灵活就业人员社保怎么在网上缴费？断缴了两个月还能补吗？'],
    result: '已告知灵活就业参保缴费渠道及补缴政策。',
  },
  {
    code: '08-02-03',
    channels: citizen,
    weight: 2,
    texts: ['{community}{bldg}号楼地下室老鼠很多，楼道里都能看到，请安排消杀。'],
    result: '已安排专业消杀单位对地下室及周边投放鼠药并封堵鼠洞。',
  },
  {
    code: '09-01-01',
    channels: ['hotline', 'wechat'],
    weight: 3,
    urgent: 0.4,
    texts: ['{community}小区从早上开始停水，没有任何通知，什么时候能恢复？'],
    result: '供水单位查明为管道维修，已恢复供水，并要求今后提前公告。',
  },
  {
    code: '10-01-01',
    channels: citizen,
    weight: 3,
    texts: ['在{road}一家超市买的牛奶过期了，找店家退换被拒绝，请处理。'],
    result: '市场监管所已调解，商家退还货款并下架过期商品。',
  },
  {
    code: '10-02-01',
    channels: citizen,
    weight: 2,
    texts: ['{community}门口有个早点摊卫生条件很差，食材露天摆放，怀疑没有健康证。'],
    result: '已现场检查，责令整改并对从业人员健康证进行核验。',
  },
  {
    code: '11-02',
    channels: citizen,
    weight: 4,
    texts: [
      '{community}广场舞音响声音太大，每天晚上到九点多，楼上住户没法休息。',
      '{community}{bldg}号楼楼上住户深夜经常大声喧哗、拖动家具，沟通无效。',
    ],
    result: '社区已组织双方调解，约定音量与活动时间，后续回访未再扰民。',
  },
  {
    code: '12-02-03',
    channels: ['hotline', 'web'],
    weight: 2,
    kind: 'consultation',
    texts: ['家里老人满八十岁了，高龄津贴怎么申请？需要带什么材料去{street}办？'],
    result: '已告知高龄津贴申请条件、材料及办理地点。',
  },
  {
    code: '13-01',
    channels: citizen,
    weight: 3,
    texts: ['{community}{bldg}号楼前的大树枝叶遮挡窗户，屋里白天也要开灯，申请修剪。'],
    result: '园林部门已现场查看并完成修剪。',
  },
  {
    code: '18-01',
    channels: ['hotline', 'web'],
    weight: 2,
    kind: 'consultation',
    texts: ['想在{street}办理居住证，请问需要哪些材料，能不能网上预约？'],
    result: '已告知居住证办理材料与网上预约入口。',
  },
  {
    code: '31-02',
    channels: street,
    weight: 5,
    texts: [
      '{road}{community}段绿化带里有人倾倒生活垃圾，已经堆了不少。',
      '{community}东门外空地暴露垃圾，苍蝇很多。',
    ],
    result: '属地已组织保洁人员清理，并在该点位增设监控提示牌。',
  },
  {
    code: '31-07',
    channels: street,
    weight: 3,
    texts: ['{community}{bldg}号楼前消防通道上堆放大量杂物和废旧家具。'],
    result: '已清理堆物，消防通道恢复畅通。',
  },
  {
    code: '32-01',
    channels: street,
    weight: 3,
    texts: ['{road}沿线电线杆和墙面贴满了小广告，很影响市容。'],
    result: '已组织人员清除小广告，并对涉及号码进行停机处理。',
  },
  {
    code: '34-02',
    channels: ['hotline', 'iot'],
    weight: 3,
    urgent: 0.5,
    texts: [
      '{road}下穿桥积水很深，有车辆熄火，请尽快排水。',
      '【物联感知告警】积水监测点 DX-JS-{n} 水位超过警戒值，位置：{street}{road}。',
    ],
    result: '排水抢险队已到场抽排，积水已消除，道路恢复通行。',
  },
  {
    code: '35-02',
    channels: street,
    weight: 5,
    texts: [
      '{road}{community}路口每天傍晚有摊贩占道经营，堵塞人行道。',
      '{community}门口早市占道经营，车辆无法通行。',
    ],
    result: '城管执法队员已现场劝离占道商贩，并纳入重点巡查点位。',
  },
  {
    code: '35-04',
    channels: ['hotline', 'wechat', 'grid'],
    weight: 4,
    texts: ['{road}{community}门口车辆乱停放，堵住了小区出入口。'],
    result: '交管部门已现场疏导并对违停车辆贴单处罚。',
  },
  {
    code: '35-10',
    channels: street,
    weight: 3,
    texts: ['{road}地铁站出口共享单车乱停放，堵住盲道和出口。'],
    result: '已通知运营企业清运调度车辆，现场恢复有序。',
  },
  {
    code: '36-01',
    channels: street,
    weight: 3,
    texts: ['{road}靠近{community}一段路面坑洼严重，雨天积水，骑车很危险。'],
    result: '道路养护单位已完成坑槽修补。',
  },
  {
    code: '41-01-01',
    channels: ['hotline', 'grid', 'iot'],
    weight: 2,
    urgent: 0.7,
    texts: [
      '{road}{community}路段有个井盖丢了，晚上很危险，请马上处理。',
      '【物联感知告警】智能井盖 DX-JG-{n} 开启/位移告警，位置：{street}{road}。',
    ],
    result: '权属单位已设置警示围挡并补装井盖。',
  },
  {
    code: '41-02-01',
    channels: ['hotline', 'wechat', 'grid', 'iot'],
    weight: 4,
    texts: [
      '{road}{community}段路灯连续几天晚上不亮，一片漆黑。',
      '【物联感知告警】单灯控制器 DX-LD-{n} 报告夜间熄灯，位置：{street}{road}。',
    ],
    result: '路灯管理所已更换灯具与控制器，夜间巡检亮灯正常。',
  },
  {
    code: '43-01-01',
    channels: ['grid', 'wechat', 'iot'],
    weight: 3,
    texts: [
      '{community}南门垃圾箱满溢，垃圾散落一地。',
      '【物联感知告警】满溢监测 DX-LJ-{n} 满溢率 95%，位置：{street}{community}。',
    ],
    result: '环卫作业单位已清运并清洗垃圾箱。',
  },
  {
    code: '44-01',
    channels: street,
    weight: 2,
    texts: ['{road}一棵行道树树干倾斜，枝条快碰到电线了。'],
    result: '园林养护单位已完成扶正加固与修剪。',
  },
  {
    code: '46-04',
    channels: citizen,
    weight: 2,
    texts: ['{community}的电动车充电桩坏了好几个，充不上电，请维修。'],
    result: '运营企业已更换故障充电模块，充电桩恢复使用。',
  },
];

/** What a supervisor, a dispatcher or a unit writes in the side paths of the history. */
export const phrases = {
  contact: ['已电话联系诉求人，了解具体情况，约定现场查看时间。', '已与诉求人取得联系，说明办理流程。'],
  returnReason: ['经核实该点位不在本单位管辖范围，申请退回改派。', '诉求事项属于其他部门职责，请改派。'],
  extension: '涉及多方协调及施工，需延长办理时限。',
  urge: '该案件已超过时限，请抓紧办理并反馈。',
  verifyFail: '现场核查问题仍未整改到位，退回继续办理。',
  reopen: '诉求人对办理结果不满意，要求重新办理。',
  invalid: '来电内容不属于受理范围，已向诉求人解释。',
  unsatisfied: ['问题没有真正解决，过几天又出现了。', '处理太慢，态度一般。'],
  closeNote: '诉求人多次联系未接通，按规定结案。',
  closeReopened: '重办完成，已电话回访诉求人说明重办结果。',
};

export const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡'];
