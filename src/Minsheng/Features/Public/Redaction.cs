using Minsheng.Domain.Privacy;

namespace Minsheng.Features.Public;

/// <summary>
/// Removes personal data from text before it is published: every phone spelling, ID and card numbers, e-mails,
/// plates, WeChat/QQ ids, flat numbers, and the complainant's own name (which becomes 某某). The street address of
/// a problem stays: where a problem is, is part of the case. Unit directory phones stay when the caller passes the
/// detector that knows them (<see cref="Appeals.AppealText.Detector"/>), as Publicity does.
/// </summary>
public static class Redaction
{
    public const string Mark = PiiMasking.RemovedMark;
    public const string NameMark = PiiMasking.RemovedName;

    /// <summary>The text as it may be published; null becomes empty.</summary>
    public static string Redact(string? text, string? complainantName = null, PiiDetector? detector = null) =>
        (detector ?? PiiDetector.Default).Protect(text, TextExposure.Removed, [complainantName]);
}
