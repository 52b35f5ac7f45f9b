namespace Minsheng.Features.Demo;

/// <summary>
/// Text material for one level-2 category. Entries written "title|detail" give a short title core
/// (≤ 20 chars) and the sentence that goes into the content. Slots filled by the generator:
/// {t} township, {v} village/community, {loc} a spot in the village, {road} a county road,
/// {n} a small number, {money} an amount. A detail starting with '^' carries its own time words,
/// so the generator does not prefix one.
/// </summary>
/// <param name="Subject">What the reply says the appeal was about ("您反映的关于{Subject}的问题").</param>
/// <param name="Issues">Complaints and requests for help.</param>
/// <param name="Asks">What the citizen wants done, closing a complaint or request for help.</param>
/// <param name="Questions">Consultations.</param>
/// <param name="Suggestions">Proposals.</param>
/// <param name="Reports">Reported behaviour of someone or some business, never naming a person.</param>
/// <param name="Actions">What the handling unit did, for replies; only the {n} slot is allowed.</param>
internal sealed record DemoTopic(
    string Code,
    string Subject,
    string[] Issues,
    string[] Asks,
    string[] Questions,
    string[] Suggestions,
    string[] Reports,
    string[] Actions);

internal static partial class DemoTopics
{
    public static readonly IReadOnlyList<DemoTopic> All =
        [.. Construction(), .. Livelihood(), .. Economy(), .. PublicService()];

    private static readonly Dictionary<string, DemoTopic> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    /// <summary>
    /// The topic of a level-2 code; for a level-1 code ("C03") one of its children is picked at random.
    /// </summary>
    public static DemoTopic Find(string categoryCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(categoryCode);
        if (ByCode.TryGetValue(categoryCode, out var topic)) return topic;
        var children = All.Where(t => t.Code.StartsWith(categoryCode + "-", StringComparison.Ordinal)).ToArray();
        if (children.Length == 0)
            throw new ArgumentException($"Unknown demo category code '{categoryCode}'.", nameof(categoryCode));
        return children[random.Next(children.Length)];
    }
}
