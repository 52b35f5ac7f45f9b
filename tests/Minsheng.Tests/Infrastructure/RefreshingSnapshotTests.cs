using Minsheng.Infrastructure;

namespace Minsheng.Tests.Infrastructure;

public sealed class RefreshingSnapshotTests
{
    private sealed record Box(int Load);

    private static readonly DateTimeOffset Start = new(2026, 11, 16, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Value_is_loaded_once_and_kept_until_it_is_older_than_the_max_age()
    {
        var clock = new FakeClock(Start);
        var loads = 0;
        var snapshot = new RefreshingSnapshot<Box>(() => new Box(++loads), clock, TimeSpan.FromSeconds(30));

        snapshot.Value.Load.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(30));
        snapshot.Value.Load.ShouldBe(1, "exactly the max age old is still fresh");
        clock.Advance(TimeSpan.FromTicks(1));
        snapshot.Value.Load.ShouldBe(2);
        snapshot.Value.Load.ShouldBe(2);
        loads.ShouldBe(2);
    }

    [Fact]
    public void Invalidate_makes_the_next_read_load_anew()
    {
        var loads = 0;
        var snapshot = new RefreshingSnapshot<Box>(() => new Box(++loads), new FakeClock(Start));
        snapshot.Value.Load.ShouldBe(1);
        snapshot.Invalidate();
        snapshot.Value.Load.ShouldBe(2);
        snapshot.MaxAge.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_failed_load_is_not_kept_and_the_next_read_tries_again()
    {
        var clock = new FakeClock(Start);
        var fail = true;
        var loads = 0;
        var snapshot = new RefreshingSnapshot<Box>(() =>
        {
            loads++;
            return fail ? throw new InvalidOperationException("database down") : new Box(loads);
        }, clock);

        Should.Throw<InvalidOperationException>(() => snapshot.Value).Message.ShouldBe("database down");
        Should.Throw<InvalidOperationException>(() => snapshot.Value);
        fail = false;
        snapshot.Value.Load.ShouldBe(3);

        // A stale value whose refresh fails is not served as fresh either: the refresh is retried on every read.
        clock.Advance(TimeSpan.FromMinutes(1));
        fail = true;
        Should.Throw<InvalidOperationException>(() => snapshot.Value);
        fail = false;
        snapshot.Value.Load.ShouldBe(5);
    }

    [Fact]
    public void The_loader_gets_the_previous_value_to_reuse()
    {
        var seen = new List<Box?>();
        var snapshot = new RefreshingSnapshot<Box>(previous =>
        {
            seen.Add(previous);
            return new Box((previous?.Load ?? 0) + 1);
        }, new FakeClock(Start));
        snapshot.Value.Load.ShouldBe(1);
        snapshot.Invalidate();
        snapshot.Value.Load.ShouldBe(2);
        seen.ShouldBe([null, new Box(1)]);
    }

    [Fact]
    public async Task Concurrent_readers_of_a_stale_value_share_one_load()
    {
        var clock = new FakeClock(Start);
        var loads = 0;
        var running = 0;
        var overlapped = false;
        using var release = new ManualResetEventSlim();
        var snapshot = new RefreshingSnapshot<Box>(() =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
            return new Box(Interlocked.Increment(ref loads));
        }, clock);

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => snapshot.Value.Load)).ToArray();
        await Task.Delay(200);
        release.Set();
        var results = await Task.WhenAll(readers);

        results.ShouldAllBe(r => r == 1);
        loads.ShouldBe(1);
        overlapped.ShouldBeFalse();
    }

    [Fact]
    public void A_value_loaded_across_an_invalidate_is_returned_but_not_kept()
    {
        var loads = 0;
        RefreshingSnapshot<Box>? snapshot = null;
        snapshot = new RefreshingSnapshot<Box>(() =>
        {
            // The first load reads the data just before another request changes it and invalidates.
            if (++loads == 1) snapshot!.Invalidate();
            return new Box(loads);
        }, new FakeClock(Start));

        snapshot.Value.Load.ShouldBe(1);
        snapshot.Value.Load.ShouldBe(2, "the value read before the change was not kept");
        snapshot.Value.Load.ShouldBe(2);
    }
}
