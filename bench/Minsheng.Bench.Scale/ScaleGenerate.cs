using System.Diagnostics;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Bench.Scale;

/// <summary>
/// Generation alone, on one thread, with no database: how many microseconds and kilobytes one appeal's history costs.
/// The load is generation-bound on two cores, so this is the figure to improve; allocated bytes do not depend on the
/// machine's load, the time does.
/// </summary>
public static class ScaleGenerate
{
    public static void Run(IServiceProvider services, ScaleCity.City city, int count, string? textDir, DateTimeOffset now, TextWriter log)
    {
        Minsheng.Domain.TimeLimits.DeadlineSchedule schedule;
        using (var scope = services.CreateScope())
            schedule = scope.ServiceProvider.GetRequiredService<TimeLimitCache>().Schedule;
        var texts = new ScaleTexts(textDir);
        var starts = HistoryGenerator.Starts(count, now, seed: 12);
        var numbers = HistoryGenerator.Numbers(starts, []);
        var generator = new HistoryGenerator(city, texts, schedule, now, seed: 2026);
        // Warm-up (JIT, caches), then the measured pass.
        for (var i = 0; i < Math.Min(2_000, count); i++) generator.Generate(i + 1, starts[i], numbers[i]);
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long rows = 0;
        for (var i = 0; i < count; i++)
        {
            var g = generator.Generate(i + 1, starts[i], numbers[i]);
            rows += g.Appeal.Timeline.Count;
        }
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        log.WriteLine($"generate: {count:N0} appeals on one thread in {watch.Elapsed.TotalSeconds:F2} s = {watch.Elapsed.TotalMicroseconds / count:F1} µs/appeal " +
                      $"(process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count:F1} µs/appeal), " +
                      $"{allocated / 1024.0 / count:F1} KB allocated/appeal, {GC.CollectionCount(0) - gcs} gen0 GCs, {rows / (double)count:F1} timeline rows/appeal");
    }
}
