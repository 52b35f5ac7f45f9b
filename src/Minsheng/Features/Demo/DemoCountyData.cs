namespace Minsheng.Features.Demo;

/// <summary>A county department; CategoryCodes are the level-2 categories it usually handles.</summary>
public sealed record DemoDepartment(string Code, string Name, string Phone, string[] CategoryCodes);

/// <summary>A township (镇/乡/街道) with its villages and communities.</summary>
public sealed record DemoTownship(string Code, string Name, string Phone, DemoVillage[] Villages);

/// <summary>A village (村) or urban community (社区).</summary>
public sealed record DemoVillage(string Code, string Name);

/// <summary>A node of the two-level appeal category tree; level-2 nodes have no children.</summary>
public sealed record DemoCategory(string Code, string Name, DemoCategory[] Children);

/// <summary>
/// 民丰县: a fictional county in Anhui used for demo data. Pure data, no database access; codes never
/// contain '/' because unit paths are built from them.
/// </summary>
public static class DemoCountyData
{
    public const string CountyCode = "MF";
    public const string CountyName = "民丰县";
    public const string CountyPhone = "0550-12345";

    public static IReadOnlyList<DemoDepartment> Departments { get; } =
    [
        new("MF-D01", "县住房和城乡建设局", "0550-7021356", ["C01-03", "C01-04", "C01-05"]),
        new("MF-D02", "县城市管理局", "0550-7023118", ["C01-01", "C01-02", "C02-04"]),
        new("MF-D03", "县生态环境分局", "0550-7025260", ["C02-01", "C02-02", "C02-03"]),
        new("MF-D04", "县人力资源和社会保障局", "0550-7026612", ["C04-01", "C04-02", "C04-03", "C04-04"]),
        new("MF-D05", "县教育局", "0550-7022471", ["C05-01", "C05-02", "C05-03"]),
        new("MF-D06", "县卫生健康委员会", "0550-7027305", ["C06-01", "C06-02", "C06-03", "C06-04"]),
        new("MF-D07", "县交通运输局", "0550-7028836", ["C03-01", "C03-02", "C03-03", "C03-04"]),
        new("MF-D08", "县市场监督管理局", "0550-7029152", ["C09-01", "C09-02", "C09-03", "C09-04", "C07-03"]),
        new("MF-D09", "县公安局", "0550-7016110", ["C10-01", "C10-02"]),
        new("MF-D10", "县农业农村局", "0550-7024408", ["C08-01", "C08-02", "C08-03", "C08-04"]),
        new("MF-D11", "县水利局", "0550-7031275", ["C08-05"]),
        new("MF-D12", "县自然资源和规划局", "0550-7032690", ["C08-04", "C01-02"]),
        new("MF-D13", "县民政局", "0550-7033147", ["C11-01", "C11-02", "C11-04"]),
        new("MF-D14", "县医疗保障局", "0550-7035528", ["C04-05"]),
        new("MF-D15", "县供电公司", "0550-7036095", ["C12-02"]),
        new("MF-D16", "县自来水公司", "0550-7037281", ["C12-01"]),
        new("MF-D17", "县文化旅游体育局", "0550-7038463", ["C05-04", "C07-01"]),
        new("MF-D18", "县商务局", "0550-7039120", ["C07-02", "C07-04"]),
        new("MF-D19", "县应急管理局", "0550-7041736", ["C10-03"]),
        new("MF-D20", "县消防救援大队", "0550-7042119", ["C10-03"]),
        new("MF-D21", "县公安局交通管理大队", "0550-7043122", ["C10-04", "C03-04"]),
        new("MF-D22", "县残疾人联合会", "0550-7045067", ["C11-03"]),
        new("MF-D23", "县发展和改革委员会", "0550-7046231", ["C09-03"]),
        new("MF-D24", "县燃气公司", "0550-7047359", ["C12-03"]),
        new("MF-D25", "县电信分公司", "0550-7048100", ["C12-04"]),
    ];

    public static IReadOnlyList<DemoTownship> Townships { get; } =
    [
        T(1, "城关镇", "0550-7201163", "南关社区 北关社区 西门社区 文昌社区 东关村"),
        T(2, "古城街道", "0550-7202318", "鼓楼社区 城隍庙社区 府前社区 古井社区"),
        T(3, "凤鸣街道", "0550-7203527", "凤鸣社区 凤凰台社区 新河社区 滨湖社区 兴业社区 朱湾村"),
        T(4, "东城街道", "0550-7205082", "东湖社区 迎宾社区 开发区社区 刘岗村"),
        T(5, "双河镇", "0550-7211406", "双河社区 王庄村 河湾村 桥头村 李集村"),
        T(6, "柳林镇", "0550-7213275", "柳林社区 柳湾村 杨圩村 张老庄村"),
        T(7, "三塘镇", "0550-7215630", "三塘社区 前塘村 后塘村 大许村 孔店村 余岗村"),
        T(8, "高庙镇", "0550-7217019", "高庙社区 庙东村 曹坝村 郝圩村"),
        T(9, "王集镇", "0550-7221347", "王集社区 姚庄村 丁楼村 韩湖村 戴店村"),
        T(10, "龙岗镇", "0550-7223568", "龙岗社区 龙泉村 蔡岭村 石门村"),
        T(11, "桃源镇", "0550-7225104", "桃源社区 桃花村 梅冲村 竹园村 吴郢村"),
        T(12, "石桥镇", "0550-7227462", "石桥社区 大桥村 何湾村 官塘村"),
        T(13, "新店镇", "0550-7231285", "新店社区 老店村 周圩村 汪冲村 黄墩村"),
        T(14, "大杨镇", "0550-7233617", "大杨社区 小杨村 魏庄村 谢岗村"),
        T(15, "孙岗镇", "0550-7235098", "孙岗社区 孙庙村 金庄村 唐桥村 刘楼村 许郢村"),
        T(16, "界牌镇", "0550-7237341", "界牌社区 界河村 马庄村 夏圩村"),
        T(17, "杨湖镇", "0550-7241726", "杨湖社区 湖心村 沈圩村 蒋集村 鲁庄村"),
        T(18, "陈桥镇", "0550-7243150", "陈桥社区 陈大郢村 邵庄村 方塘村"),
        T(19, "白莲镇", "0550-7245283", "白莲社区 莲花村 藕塘村 胡岗村 程庄村"),
        T(20, "黄泥岗镇", "0550-7247605", "黄泥岗社区 岗头村 严湾村 宋集村"),
        T(21, "涧溪镇", "0550-7251432", "涧溪社区 上涧村 下涧村 溪口村 梁冲村"),
        T(22, "马厂镇", "0550-7253819", "马厂社区 马岗村 秦庄村 范湾村"),
        T(23, "花园乡", "0550-7255160", "花园村 百合村 牡丹村 储庄村"),
        T(24, "张铺乡", "0550-7257274", "张铺村 前张村 卢圩村 孟集村 葛岗村"),
        T(25, "岳山乡", "0550-7261508", "岳山村 山口村 洪冲村 潘店村"),
        T(26, "青龙乡", "0550-7263947", "青龙村 龙潭村 陶庄村 殷郢村 袁湾村"),
        T(27, "沙河乡", "0550-7265321", "沙河村 沙岗村 柏树村 田湾村"),
        T(28, "永安镇", "0550-7267086", "永安社区 安乐村 廖圩村 邱岗村 毛集村"),
        T(29, "枣林乡", "0550-7271654", "枣林村 红枣村 路口村 姜庄村"),
        T(30, "仁和乡", "0550-7273215", "仁和村 和平村 邓岗村 江湾村 雷庄村"),
    ];

    /// <summary>民丰县 as the appeal writer and the text generator take it (declared after the lists it holds).</summary>
    public static DemoArea Area { get; } = new(CountyCode, CountyName, CountyPhone, Departments, Townships, "话务员小王", "派单员李敏");

    public static IReadOnlyList<DemoCategory> Categories { get; } =
    [
        C(1, "城乡建设", "市政设施", "违法建设", "物业管理", "征收安置", "房产交易与登记"),
        C(2, "环境保护", "大气污染", "水污染", "噪声扰民", "垃圾与环境卫生"),
        C(3, "交通运输", "城乡公交", "农村公路", "出租车与网约车", "货运与超限超载"),
        C(4, "劳动和社会保障", "拖欠工资", "养老保险", "就业创业", "劳动关系", "医疗保险"),
        C(5, "教育文体", "入学招生", "学校管理", "教师队伍", "文化体育"),
        C(6, "卫生计生", "医疗服务", "疾病预防", "生育服务", "基层医疗"),
        C(7, "商贸旅游", "旅游景区", "农贸市场", "消费纠纷", "快递物流"),
        C(8, "农村农业", "土地承包", "惠农补贴", "农业生产", "宅基地与耕地保护", "农田水利"),
        C(9, "市场监管", "食品安全", "产品质量", "价格收费", "药品安全"),
        C(10, "公共安全", "社会治安", "户籍证件", "消防与安全生产", "道路交通秩序"),
        C(11, "民政", "低保与救助", "养老服务", "残疾人服务", "殡葬管理"),
        C(12, "水电气暖", "供水", "供电", "燃气", "通信网络"),
    ];

    /// <summary>All level-2 categories, in tree order.</summary>
    public static IEnumerable<DemoCategory> LeafCategories => Categories.SelectMany(c => c.Children);

    /// <summary>Departments that usually handle a level-2 category (may be several, or none for unknown codes).</summary>
    public static IEnumerable<DemoDepartment> DepartmentsFor(string categoryCode) =>
        Departments.Where(d => d.CategoryCodes.Contains(categoryCode));

    private static DemoTownship T(int number, string name, string phone, string villages)
    {
        var code = $"{CountyCode}-T{number:D2}";
        var list = villages.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((v, i) => new DemoVillage($"{code}-V{i + 1:D2}", v))
            .ToArray();
        return new DemoTownship(code, name, phone, list);
    }

    private static DemoCategory C(int number, string name, params string[] children)
    {
        var code = $"C{number:D2}";
        var list = children.Select((c, i) => new DemoCategory($"{code}-{i + 1:D2}", c, [])).ToArray();
        return new DemoCategory(code, name, list);
    }
}
