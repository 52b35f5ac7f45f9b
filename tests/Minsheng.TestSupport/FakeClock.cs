namespace Minsheng.TestSupport;

/// <summary>A TimeProvider the test moves by hand (the testing package does not restore here).</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Where every test app's clock starts: a Monday, 09:30 in China, so deadlines read the same on every run.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
