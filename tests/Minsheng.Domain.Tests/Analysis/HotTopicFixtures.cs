using Minsheng.Domain.Analysis;
using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.Tests.Analysis;

/// <summary>Small hand-written appeal sets: two places with the same problem, a second problem, and noise.</summary>
internal static class HotTopicFixtures
{
    public static readonly DateTimeOffset Now = ChinaTime.At(new DateOnly(2026, 11, 30), new TimeOnly(18, 0));

    public static TopicDocument Doc(string id, string? person, string title, string text, int daysAgo, int likes = 0) =>
        new(id, person, title, text, Now.AddDays(-daysAgo).AddMinutes(-int.Parse(id[^2..])), likes);

    /// <summary>Mixing plant noise at 丽发新城 (5 people, one of them posting twice the same) and at 金色家园 (3 people).</summary>
    public static List<TopicDocument> TwoPlacesSameProblem() =>
    [
        Doc("1001", "u1", "A2区丽发新城小区附近搅拌站噪音扰民", "丽发新城小区旁边的搅拌站日夜生产，噪音和粉尘严重影响居民休息。", 20),
        Doc("1002", "u2", "丽发新城小区搅拌站粉尘噪音太大", "A2区丽发新城小区附近搅拌站每天晚上都在施工，灰尘满天，孩子咳嗽。", 15, likes: 4),
        Doc("1003", "u3", "A2区丽发新城附近搅拌站扰民何时拆除", "搅拌站离丽发新城小区不到两百米，噪音扰民，请尽快拆除搅拌站。", 10),
        Doc("1004", "u4", "投诉丽发新城小区附近搅拌站噪音", "A2区丽发新城小区居民饱受搅拌站噪音粉尘困扰。", 5, likes: 2),
        Doc("1005", "u4", "投诉丽发新城小区附近搅拌站噪音", "A2区丽发新城小区居民饱受搅拌站噪音粉尘困扰。", 5),
        Doc("1006", "u5", "A2区丽发新城小区搅拌站夜间噪音扰民", "丽发新城小区附近的搅拌站半夜还在生产，噪音扰民严重。", 1),
        Doc("2001", "v1", "A5区金色家园小区附近搅拌站噪音扰民", "金色家园小区旁边的搅拌站日夜生产，噪音和粉尘严重影响居民休息。", 40),
        Doc("2002", "v2", "金色家园小区搅拌站粉尘噪音太大", "A5区金色家园小区附近搅拌站每天晚上都在施工，灰尘满天。", 38),
        Doc("2003", "v3", "A5区金色家园附近搅拌站扰民何时拆除", "搅拌站离金色家园小区很近，噪音扰民，请尽快拆除搅拌站。", 35),
    ];

    /// <summary>A second problem (parking fees at 阳光花园) and unrelated single appeals.</summary>
    public static List<TopicDocument> OtherProblemAndNoise() =>
    [
        Doc("3001", "w1", "A3区阳光花园物业乱收停车费", "阳光花园小区物业每月停车费涨到三百元，没有任何公示。", 12),
        Doc("3002", "w2", "阳光花园小区停车费上涨没有公示", "A3区阳光花园物业擅自上涨停车费，业主不同意。", 11),
        Doc("3003", "w3", "A3区阳光花园物业停车收费不合理", "阳光花园物业停车费收费标准不合理，请物价部门查处。", 9),
        Doc("9001", "x1", "咨询社保转移手续", "从外省回来工作，社保如何转移？", 3),
        Doc("9002", "x2", "建议增加图书馆开放时间", "市图书馆周末开放时间太短，建议延长。", 7),
        Doc("9003", "x3", "A9区学校门口交通拥堵", "早上送孩子上学，学校门口车辆乱停，交通拥堵。", 30),
    ];

    public static List<TopicDocument> All() => [.. TwoPlacesSameProblem(), .. OtherProblemAndNoise()];

    public static HotTopicOptions Options(int minDocuments = 2) => new(Now, MaxTopics: 50, MinDocuments: minDocuments);

    public static DetectedTopic TopicWith(IReadOnlyList<DetectedTopic> topics, string id) =>
        topics.Single(t => t.DocumentIds.Contains(id));
}
