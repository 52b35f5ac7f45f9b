namespace Minsheng.TestSupport.Answers;

/// <summary>
/// A ProblemDetails body: title and status always; detail, the field errors of a 400, and the two extensions a
/// 409 on an illegal step carries when present.
/// </summary>
public sealed record ProblemAnswer(
    string Title, int Status, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    string? CurrentStatus = null, string? Action = null)
{
    /// <summary>The fields the 400 names.</summary>
    public IReadOnlyCollection<string> Fields => (Errors ?? new Dictionary<string, string[]>()).Keys.ToList();

    /// <summary>The messages for <paramref name="field"/>; fails naming the fields there are when it is not named.</summary>
    public string[] ErrorsOf(string field)
    {
        Errors.ShouldNotBeNull($"“{Title}” names no fields");
        Errors.TryGetValue(field, out var messages).ShouldBeTrue($"errors name {string.Join(", ", Errors.Keys)}, not {field}");
        return messages!;
    }
}
