using System.CommandLine;

namespace Minsheng.Cli;

/// <summary>`analysis`: 民意分析 from the command line — hot topics on a file, reports written to a file.</summary>
public static class AnalysisCommand
{
    public static Command Create()
    {
        var cmd = new Command("analysis", "民意分析：热点问题、周报与专报");
        // One line per verb; each verb lives in its own file.
        cmd.Subcommands.Add(HotTopicsCommand.Create());
        cmd.Subcommands.Add(AnalysisReportCommand.Create());
        return cmd;
    }
}
