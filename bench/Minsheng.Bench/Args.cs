namespace Minsheng.Bench;

public static class Args
{
    public static string? Get(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static string Engine(string database) => database.StartsWith("sqlite", StringComparison.Ordinal) ? "sqlite" : "postgres";
}

/// <summary>A clock the benchmark moves, standing in for time passing between monitor passes.</summary>
public sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
