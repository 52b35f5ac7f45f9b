using Minsheng.Domain.Appeals;
using Minsheng.Domain.Triage;
using Minsheng.Features.Demo;

namespace Minsheng.Bench.Scale;

/// <summary>
/// Titles and contents: half from the demo's text generator (local places, the county's own vocabulary), half real
/// citizen messages read at run time from the shared appeal CSVs when the directory is given (never stored in the repo).
/// Real messages are reused many times at a million appeals, as a real city's recurring complaints are.
/// </summary>
public sealed class ScaleTexts
{
    private readonly List<(string Title, string Content)> _real = [];

    public int RealMessages => _real.Count;

    public ScaleTexts(string? directory)
    {
        if (directory is null || !Directory.Exists(directory)) return;
        foreach (var file in new[] { "labelled_train.csv", "unlabelled_messages.csv", "messages_with_replies.csv" })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path)) continue;
            var table = CsvTable.Read(path);
            int title = table.Column("title"), detail = table.Column("detail");
            if (title < 0 || detail < 0) continue;
            foreach (var row in table.Rows)
            {
                var t = row[title].Trim();
                var c = row[detail].Trim();
                if (t.Length is 0 or > AppealDraft.TitleMax || c.Length < 10) continue;
                _real.Add((t, c.Length > 1500 ? c[..1500] : c));
            }
        }
    }

    public (string Title, string Content) Appeal(Random random, DemoTextGenerator demo, AppealType type, string categoryCode, string township, string village)
    {
        if (_real.Count > 0 && random.Next(2) == 0) return _real[random.Next(_real.Count)];
        var text = demo.Appeal(type, categoryCode, township, village);
        return (text.Title, text.Content);
    }
}
