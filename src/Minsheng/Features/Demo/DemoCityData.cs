namespace Minsheng.Features.Demo;

/// <summary>
/// A county of the demo with what the appeal writer needs: its units and the names of its desk staff. The writer and
/// the text generator take one of these so 民丰县 and 民安县 get appeals of their own places and units.
/// </summary>
public sealed record DemoArea(string Code, string Name, string Phone, IReadOnlyList<DemoDepartment> Departments,
    IReadOnlyList<DemoTownship> Townships, string OperatorName, string DispatcherName)
{
    public IEnumerable<DemoDepartment> DepartmentsFor(string categoryCode) => Departments.Where(d => d.CategoryCodes.Contains(categoryCode));
}

/// <summary>
/// 丰州市 above 民丰县, with a city hotline desk and a few city departments, and 民安县, a second, smaller county
/// beside 民丰县: together they show jurisdictions (辖区) — each county's desk sees its own appeals, the city's sees
/// both. Fictional like 民丰县; codes never contain '/' because unit paths are built from them.
/// </summary>
public static class DemoCityData
{
    public const string CityCode = "FZ";
    public const string CityName = "丰州市";
    public const string CityPhone = "0550-3012345";

    public static IReadOnlyList<DemoDepartment> CityDepartments { get; } =
    [
        new("FZ-D01", "市住房和城乡建设局", "0550-3021180", ["C01-03", "C01-04", "C01-05"]),
        new("FZ-D02", "市生态环境局", "0550-3022365", ["C02-01", "C02-02", "C02-03"]),
        new("FZ-D03", "市人力资源和社会保障局", "0550-3023417", ["C04-01", "C04-02", "C04-03", "C04-04"]),
        new("FZ-D04", "市市场监督管理局", "0550-3025096", ["C09-01", "C09-02", "C09-03", "C09-04"]),
        new("FZ-D05", "市交通运输局", "0550-3026738", ["C03-01", "C03-02", "C03-03", "C03-04"]),
    ];

    public const string AnCode = "MA";

    /// <summary>民安县: eight departments covering every category group, six townships.</summary>
    public static DemoArea Anxian { get; } = new(AnCode, "民安县", "0550-6012345",
    [
        new("MA-D01", "县住房和城乡建设局", "0550-6021356", ["C01-01", "C01-02", "C01-03", "C01-04", "C01-05", "C12-01", "C12-03"]),
        new("MA-D02", "县生态环境分局", "0550-6022418", ["C02-01", "C02-02", "C02-03", "C02-04"]),
        new("MA-D03", "县人力资源和社会保障局", "0550-6023507", ["C04-01", "C04-02", "C04-03", "C04-04", "C04-05"]),
        new("MA-D04", "县教育体育局", "0550-6024631", ["C05-01", "C05-02", "C05-03", "C05-04", "C07-01"]),
        new("MA-D05", "县卫生健康委员会", "0550-6025274", ["C06-01", "C06-02", "C06-03", "C06-04"]),
        new("MA-D06", "县交通运输局", "0550-6026183", ["C03-01", "C03-02", "C03-03", "C03-04", "C10-04"]),
        new("MA-D07", "县市场监督管理局", "0550-6027392", ["C09-01", "C09-02", "C09-03", "C09-04", "C07-02", "C07-03", "C07-04"]),
        new("MA-D08", "县农业农村局", "0550-6028045", ["C08-01", "C08-02", "C08-03", "C08-04", "C08-05", "C11-01", "C11-02"]),
    ],
    [
        T(1, "安城镇", "0550-6201128", "安城社区 南门社区 北街社区 塔山村"),
        T(2, "河口镇", "0550-6203345", "河口社区 渡口村 沿河村 芦花村"),
        T(3, "青山镇", "0550-6205217", "青山社区 松岭村 石坝村 茶园村 枫树村"),
        T(4, "黄湾乡", "0550-6207480", "黄湾村 上湾村 下湾村 鲍庄村"),
        T(5, "新桥乡", "0550-6209162", "新桥村 前进村 团结村 杜岗村"),
        T(6, "丰乐镇", "0550-6211593", "丰乐社区 乐园村 姚湖村 彭圩村"),
    ], "话务员何琳", "派单员郑伟");

    private static DemoTownship T(int number, string name, string phone, string villages)
    {
        var code = $"{AnCode}-T{number:D2}";
        var list = villages.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((v, i) => new DemoVillage($"{code}-V{i + 1:D2}", v)).ToArray();
        return new DemoTownship(code, name, phone, list);
    }
}
