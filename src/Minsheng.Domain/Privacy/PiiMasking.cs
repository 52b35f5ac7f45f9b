using System.Text;

namespace Minsheng.Domain.Privacy;

/// <summary>How much of the personal data in a text a reader gets.</summary>
public enum TextExposure
{
    /// <summary>As written: after a logged 查阅, or for the text's own author flows that never leave the server.</summary>
    Original,
    /// <summary>Partly hidden (139****2222, 3401**********1234, 李**): the default for staff.</summary>
    Masked,
    /// <summary>Gone (【已隐去】): the unit a confidential appeal is about, and everything published.</summary>
    Removed,
}

/// <summary>Applies an exposure to the spans a <see cref="PiiDetector"/> found.</summary>
public static class PiiMasking
{
    public const string RemovedMark = "【已隐去】";
    /// <summary>A removed name reads as 某某 rather than a bracket, so a published sentence still reads naturally.</summary>
    public const string RemovedName = "某某";

    public static string Apply(string text, IReadOnlyList<PiiSpan> spans, TextExposure exposure)
    {
        if (exposure == TextExposure.Original || spans.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var s in spans)
        {
            sb.Append(text, at, s.Start - at);
            sb.Append(exposure == TextExposure.Removed ? (s.Kind == PiiKind.Name ? RemovedName : RemovedMark) : Mask(s));
            at = s.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The masked form of one span: enough left to tell two numbers apart on the phone, not enough to dial.</summary>
    public static string Mask(PiiSpan span)
    {
        var t = span.Text;
        switch (span.Kind)
        {
            case PiiKind.Phone:
            {
                var d = PiiText.Digits(t);
                if (d.Length == 13 && d.StartsWith("86", StringComparison.Ordinal)) d = d[2..];
                else if (d.Length == 15 && d.StartsWith("0086", StringComparison.Ordinal)) d = d[4..];
                return d.Length >= 10 ? $"{d[..3]}****{d[^4..]}" : $"****{d[^Math.Min(2, d.Length)..]}";
            }
            case PiiKind.IdNumber:
            {
                var d = PiiText.Digits(t);
                return d[..4] + new string('*', d.Length - 8) + d[^4..];
            }
            case PiiKind.BankCard:
            {
                var d = PiiText.Digits(t);
                return $"{d[..4]}****{d[^4..]}";
            }
            case PiiKind.Email:
            {
                var folded = PiiText.Fold(t);
                var at = folded.IndexOf('@');
                return folded[..1] + "***" + folded[at..];
            }
            case PiiKind.Plate:
                return t[..2] + "***" + PiiText.Fold(t)[^2..];
            case PiiKind.Name:
                return t[0] + new string('*', t.Length - 1);
            case PiiKind.Room:
            {
                // Every digit hidden, the words kept: 3栋2单元501室 → *栋*单元***室.
                var folded = PiiText.Fold(t);
                var sb = new StringBuilder(t.Length);
                for (var i = 0; i < t.Length; i++) sb.Append(char.IsAsciiDigit(folded[i]) ? '*' : t[i]);
                return sb.ToString();
            }
            default:
                return t[..1] + "****";
        }
    }
}
