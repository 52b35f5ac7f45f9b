namespace Minsheng.Features.Demo;

/// <summary>Word lists shared by the demo text generator. All text is original, written for the demo.</summary>
internal static class DemoWords
{
    // ---- people -------------------------------------------------------------------------------

    public static readonly string[] CommonSurnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "高", "林", "许", "程", "汪", "方", "丁", "葛", "储", "鲍", "戴", "魏", "孔",
    ];

    public static readonly string[] OtherSurnames =
    [
        "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "蒋", "蔡", "余", "杜", "叶", "苏", "吕", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
        "陆", "范", "金", "石", "廖", "贾", "夏", "邹", "孟", "熊", "秦", "江", "尹", "薛", "段", "雷",
        "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "查", "檀", "桂", "章", "詹",
    ];

    public static readonly string[] GivenNames =
    [
        "建国", "建华", "国强", "志刚", "德明", "玉兰", "秀英", "桂芳", "春梅", "红霞", "海燕", "丽娟",
        "文斌", "永胜", "家宝", "传和", "守成", "学军", "立新", "卫东", "长春", "道林", "贤德", "明亮",
        "小军", "晓东", "晓燕", "海波", "春生", "秋菊", "冬梅", "金凤", "翠萍", "淑芬", "美玲", "静怡",
        "子涵", "浩然", "雨萱", "梓轩", "思远", "欣怡", "俊杰", "宇航", "佳琪", "诗雨", "天宇", "一鸣",
        "文静", "婷婷", "伟民", "成功", "大勇", "二虎", "先进", "从文", "启明", "正华", "安琪", "凤英",
        "家骏", "云飞", "新民", "少华", "克勤", "庆丰", "振宇", "梦瑶", "雪梅", "玉珍", "友谊", "宏伟",
    ];

    public static readonly string[] SingleGivenNames =
    [
        "伟", "勇", "军", "杰", "磊", "强", "涛", "斌", "超", "鹏", "辉", "明", "华", "平", "刚", "波",
        "芳", "敏", "静", "丽", "娟", "艳", "霞", "萍", "琴", "燕", "玲", "慧", "蕾", "婷", "雪", "莉",
    ];

    /// <summary>Mobile prefixes in use in mainland China (13x, 15x, 17x, 18x, 19x).</summary>
    public static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "173", "175", "176", "177", "178", "180", "181", "182", "183",
        "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199",
    ];

    public static readonly string[] Compounds =
    [
        "幸福家园", "锦绣花园", "阳光新城", "滨河湾", "学府名苑", "金桂小区", "和谐家园", "紫薇苑",
        "凤鸣华庭", "翡翠城", "御景湾", "东方明珠小区", "供销社宿舍", "粮站小区", "城南安置小区",
    ];

    // ---- places -------------------------------------------------------------------------------

    public static readonly string[] Roads =
    [
        "人民路", "解放路", "建设路", "文昌路", "淮河路", "迎宾大道", "幸福路", "长江路", "新华路",
        "凤鸣路", "府前街", "滨河路", "工业大道", "花园路", "东风路", "民丰大道", "老街", "育才路",
    ];

    public static readonly string[] VillageSpots = ["村口", "村部附近", "村东头", "村西头", "村里主干道边", "小学旁边", "大塘边上"];

    public static readonly string[] CommunitySpots = ["小区门口", "社区服务中心附近", "菜市场旁边", "沿街门面那一片", "主干道边上", "小广场"];

    // ---- appeal frames ------------------------------------------------------------------------

    public static readonly string[] Greetings = ["您好！", "尊敬的领导：", "领导您好，", "各位领导好！", "", "", "你好，"];

    public static readonly string[] TimeWords =
    [
        "最近一个月", "最近一段时间", "这半年来", "从去年冬天开始", "今年开春以来", "近两个星期",
        "前段时间", "这几天", "从上个月开始", "入夏以来", "今年以来", "这两年", "最近",
    ];

    public static readonly string[] Intros =
    [
        "我是{t}{v}的{r}，", "我家住在{t}{v}，", "本人是{t}{v}{r}，", "我是住在{v}的{r}，", "",
    ];

    public static readonly string[] Impacts =
    [
        "这个问题严重影响了周边群众的正常生活。", "大家对此意见很大。", "周围的邻居都在抱怨。",
        "老百姓天天受这个罪，心里很窝火。", "", "", "",
    ];

    /// <summary>Impacts for problems of one person or family rather than of a place.</summary>
    public static readonly string[] PersonalImpacts =
    [
        "这件事让我们一家人很着急。", "为这事已经耽误了不少工夫。", "心里实在是憋屈。", "", "", "",
    ];

    public static readonly string[] Attempts =
    [
        "之前也跟{c}反映过，一直没有下文。", "打过几次电话，都说会处理，可到现在还是老样子。",
        "找过好几次，都说不归他们管，互相推来推去。", "去年就反映过一次，当时说会处理，结果不了了之。",
        "也在网上留过言，到现在没有回音。", "", "", "",
    ];

    public static readonly string[] Wishes =
    [
        "希望领导能在百忙之中关注一下我们老百姓的难处。", "相信政府一定会给我们一个满意的答复。",
        "这事不大，可对我们老百姓来说是天天要面对的。", "麻烦尽快安排人来实地看一看。",
    ];

    public static readonly string[] ComplaintClosings = ["谢谢！", "盼复。", "望领导重视！", "恳请尽快处理。", "", ""];

    public static readonly string[] HelpContexts =
    [
        "家里只有我和老伴两个人，年纪都大了，", "家里孩子都在外地打工，平时就我一个人在家，",
        "我身体不好，常年吃药，", "我一个人带着两个孩子，家里条件比较困难，", "", "",
    ];

    public static readonly string[] HelpPleas = ["我们自己实在没有办法了，", "前后跑了好几趟都没解决，", "实在是没有别的办法了，", "", ""];

    public static readonly string[] HelpClosings = ["恳请领导帮帮忙！", "万分感谢！", "麻烦领导帮我们想想办法，谢谢！", "拜托了！"];

    public static readonly string[] ConsultLeads = ["想咨询一下：", "有个问题想问一下，", "麻烦问一下，", "向工作人员咨询一件事，"];

    public static readonly string[] ConsultClosings =
    [
        "麻烦告知一下，谢谢！", "望回复，谢谢。", "请相关部门给予解答。",
        "在网上查了半天也没找到明确说法，麻烦工作人员解答一下。", "盼答复。",
    ];

    public static readonly string[] SuggestReasons =
    [
        "这样既方便群众，也能提升我们县的形象。", "相信这样能解决不少老百姓的实际困难。",
        "周围很多人都有这个想法。", "", "",
    ];

    public static readonly string[] SuggestClosings = ["以上建议，请领导参考。", "个人一点想法，希望相关部门考虑。", "盼采纳，谢谢！", "不当之处请谅解。"];

    public static readonly string[] ReportLeads = ["我要举报一件事：", "现向领导反映一个情况：", "本人举报：", "", ""];

    public static readonly string[] ReportEvidence =
    [
        "周围的群众都看得清清楚楚。", "我已经拍了照片和视频，需要的话可以提供。", "这种情况已经持续很久了。",
        "附近很多人都知道，只是没人愿意出头。", "", "",
    ];

    public static readonly string[] ReportAsks =
    [
        "请有关部门尽快调查核实，依法查处", "希望相关部门严肃处理，刹住这股歪风",
        "恳请有关部门彻查", "请尽快派人来查一查",
    ];

    public static readonly string[] ReportClosings = ["请对举报人信息保密。", "谢谢！", "", ""];

    public static readonly string[] PraiseChannels = ["通过12345热线", "在网上留言", "打电话", "到窗口"];

    public static readonly string[] PraiseDeeds =
    [
        "第二天就到现场查看，还主动打电话跟我沟通进度", "冒着大雨赶过来处理，一直忙到天黑才走",
        "耐心细致地给我们解释政策，还手把手帮我们准备材料", "当天就上门了解情况，态度特别好",
        "一次次协调各方，前后跑了好几趟",
    ];

    public static readonly string[] PraiseResults =
    [
        "没过几天问题就彻底解决了", "现在问题解决了，大家都很满意", "困扰我们好久的难题终于解决了",
        "事情办得又快又好",
    ];

    public static readonly string[] PraiseThanks =
    [
        "在这里特别提出表扬，为他们点赞！", "希望领导能对他们提出表扬。", "真心感谢他们为老百姓办实事！",
        "这样的干部老百姓信得过！",
    ];

    public static readonly string[] PraiseTitles = ["工作人员认真负责", "为民办实事", "办事高效", "服务热情周到"];

    /// <summary>Appended when a draft is shorter than the minimum length.</summary>
    public static readonly string[] Fillers =
    [
        "希望有关部门能重视这个问题，尽快给群众一个答复。", "这件事关系到我们老百姓的切身利益，请领导关注。",
    ];

    // ---- replies ------------------------------------------------------------------------------

    public static readonly string[] ReplyOpenings = ["您好！", "尊敬的群众：您好！", "您好！"];

    public static readonly string[] Investigations =
    [
        "第一时间安排工作人员赴现场进行调查核实", "立即组织相关股室人员进行了实地查看",
        "及时与属地乡镇联系，共同开展核查", "安排专人与您电话联系，详细了解了有关情况",
    ];

    public static readonly string[] Findings =
    [
        "您反映的情况属实", "您反映的情况基本属实", "您反映的情况部分属实", "现场情况与您反映的基本一致",
    ];

    public static readonly string[] NextSteps =
    [
        "我们将加强日常巡查和监管，发现问题及时处理，防止类似问题再次发生", "我们将持续跟踪，确保整改落实到位",
        "我们将举一反三，进一步完善长效管理机制", "我们将继续做好政策宣传解释工作，方便群众办事",
    ];

    public static readonly string[] ReplyClosings = ["感谢您的监督！", "感谢您对我们工作的关心和支持！", "感谢您的理解与监督！"];

    // ---- workflow phrases ---------------------------------------------------------------------

    public static readonly string[] ReturnReasons =
    [
        "该事项不属于本单位职责范围，请重新指派", "诉求地点不在本单位辖区，建议转属地乡镇办理",
        "该问题涉及土地权属，应由自然资源部门处理", "诉求内容不清楚，无法核实，请补充具体地址",
        "该事项已进入司法程序，不宜按诉求件办理", "派单类别有误，该问题属于供电企业管理范围",
        "同一诉求已由本单位办结，属重复件", "涉及多个部门职责，建议由县级层面牵头协调",
    ];

    public static readonly string[] ExtensionReasons =
    [
        "涉及多部门协调，需要进一步调查核实", "需等待第三方检测机构出具检测报告",
        "维修工程需采购材料并组织施工，工期较长", "当事人外出务工，暂时无法联系，需延长核查时间",
        "涉及历史遗留问题，需调阅相关档案资料", "近期连续降雨，不具备施工条件",
        "需提请县政府专题会议研究", "资金需走财政审批程序，办理周期较长",
    ];

    /// <summary>What a co-unit (协办单位) sends the lead unit as its part.</summary>
    public static readonly string[] CoUnitNotes =
    [
        "我单位已派员配合现场核实，情况属实，相关材料已提供主办单位。",
        "经查，该事项涉及我单位职责部分已按规定处理完毕。",
        "已配合主办单位开展联合执法，后续将加强日常巡查。",
        "我单位已提供相关政策依据和办理意见，供主办单位答复参考。",
    ];

    public static readonly string[] ContactNotes =
    [
        "已电话联系诉求人，说明了办理进度，诉求人表示理解", "电话未接通，已发送短信告知处理情况",
        "已与诉求人约定明天上午到现场查看", "工作人员上门走访，当面听取了诉求人意见",
        "诉求人表示问题已基本解决，同意办结", "诉求人情绪激动，已做好解释安抚工作",
        "已告知诉求人需补充的材料及办理地点", "多次拨打电话无人接听，将择时再次联系",
    ];

    public static readonly string[] SatisfiedComments =
    [
        "问题已解决，对处理结果满意", "工作人员态度很好，办得也快，满意", "已经处理好了，谢谢政府",
        "基本解决了，希望以后多巡查", "办理及时，答复清楚，满意", "工作人员上门解释得很清楚，表示认可",
    ];

    public static readonly string[] UnsatisfiedComments =
    [
        "问题还没解决，只是来看了一下就走了", "答复内容与实际情况不符，不满意", "一直没有人联系我，不满意",
        "说是处理了，过几天又恢复原样了", "只是解释政策，实际困难没有解决", "推来推去，没有一个部门真正负责",
    ];

    public static readonly string[] ReReviewReasons =
    [
        "回访群众不满意，问题未实际解决，要求重新办理", "答复内容过于笼统，未说明具体处理措施",
        "答复与诉求不对应，请重新核实后答复", "经抽查，现场问题依然存在，退回重办",
        "未与诉求人取得联系即办结，程序不规范", "同一问题群众多次反映，需彻底解决",
    ];
}
