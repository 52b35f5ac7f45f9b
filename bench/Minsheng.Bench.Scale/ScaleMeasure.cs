using Minsheng.Data;

namespace Minsheng.Bench.Scale;

public static class ScaleMeasure
{
    public static Task RunAsync(IServiceProvider services, DatabaseTarget target, string engine, ScaleClock clock, int runs, TextWriter log, CancellationToken ct) => Task.CompletedTask;
}
