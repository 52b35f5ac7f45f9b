namespace Minsheng.Domain.Triage;

/// <summary>
/// Weak labels from official replies: a reply usually names the department that handled the message (市教育局,
/// 市人社局…), and a functional department's remit is a first-level category. Only department names are matched,
/// not topic words (a reply may "加强教育" about anything), and a reply naming departments of more than one category
/// gets no label. Catch-all bodies (district governments, 街道, 公安, 信访) name no category and are left out.
/// </summary>
public static class ReplyDepartments
{
    private static readonly (string Category, string[] Departments)[] Table =
    [
        ("教育文体", ["教育局", "教育厅", "教育体育局", "教体局", "文体局", "文化局", "体育局", "文广新局", "学籍管理"]),
        ("劳动和社会保障", ["人社局", "人社厅", "人力资源和社会保障", "社保局", "社保中心", "社会保险", "医保局", "医疗保障局",
            "医保中心", "劳动监察", "劳动保障", "就业服务", "住房公积金"]),
        ("卫生计生", ["卫健委", "卫生健康委", "卫生健康局", "卫计委", "卫计局", "卫生计生委", "卫生局", "卫生和计划生育",
            "疾控中心", "疾病预防控制", "卫生监督"]),
        ("交通运输", ["交通运输局", "交通局", "交通运输厅", "交通厅", "交警", "公交公司", "公交集团", "公路局", "运管",
            "道路运输", "客运管理", "轨道交通", "地铁集团"]),
        ("城乡建设", ["住建局", "住房和城乡建设", "住建委", "城乡建设局", "城乡建设委", "规划局", "城乡规划", "规划分局",
            "房产局", "房产管理局", "房屋交易", "住房保障局", "不动产登记", "城管局", "城管执法", "城市管理", "市政局",
            "建设局", "规建局", "拆迁办", "征地补偿", "园林局", "环卫局", "物业管理科"]),
        ("环境保护", ["环保局", "环境保护局", "环保厅", "环境保护厅", "生态环境局", "生态环境厅", "环境监察", "环境监测"]),
        ("商贸旅游", ["商务局", "工商局", "工商分局", "市场监督管理局", "市场监管局", "质量监督", "质监局", "旅游局",
            "物价局", "价格监督"]),
    ];

    /// <summary>The one category whose departments the reply names, or null (none, or several).</summary>
    public static string? CategoryOf(string reply)
    {
        string? found = null;
        foreach (var (category, departments) in Table)
        {
            if (!departments.Any(d => reply.Contains(d, StringComparison.Ordinal))) continue;
            if (found is not null) return null;
            found = category;
        }
        return found;
    }

    /// <summary>
    /// Weakly labelled documents from a table with title, detail and reply columns. Rows that are near-duplicates
    /// of a row of <paramref name="exclude"/> (the labelled set, or a test set) are dropped, so a text is never
    /// weakly labelled and evaluated at once.
    /// </summary>
    public static List<TriageDocument> WeakLabels(CsvTable table, IReadOnlyList<TriageDocument> exclude)
    {
        var reply = table.Column("reply");
        if (reply < 0) throw new FormatException("答复 CSV 缺少 reply 列。");
        var docs = table.ToDocuments(label: false);
        var weak = new List<TriageDocument>();
        for (var i = 0; i < docs.Count; i++)
            if (CategoryOf(table.Rows[i][reply]) is { } category) weak.Add(docs[i] with { Label = category });
        var texts = exclude.Concat(weak).Select(d => d.Title + "\n" + d.Content).ToList();
        var dropped = new HashSet<int>();
        foreach (var group in NearDuplicates.FindGroups(texts, new DuplicateOptions()))
            if (group.Any(i => i < exclude.Count))
                foreach (var i in group.Where(i => i >= exclude.Count)) dropped.Add(i - exclude.Count);
        var titles = exclude.Select(d => d.Title.Trim()).ToHashSet(StringComparer.Ordinal);
        return weak.Where((d, i) => !dropped.Contains(i) && !titles.Contains(d.Title.Trim())).ToList();
    }
}
