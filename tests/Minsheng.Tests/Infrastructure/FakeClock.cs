namespace Minsheng.Tests.Infrastructure;

/// <summary>A TimeProvider the test moves by hand (the testing package does not restore here).</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
