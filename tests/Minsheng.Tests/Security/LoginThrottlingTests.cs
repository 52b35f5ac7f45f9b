using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>Sign-in throttling (Features/Auth/SignInService): on both engines, with real parallel requests.</summary>
public sealed class LoginThrottlingTests
{
    private static Task<HttpResponseMessage> Try(HttpClient client, string username, string password) =>
        client.Post("/api/auth/token", new { username, password });

    private static async Task<int> Checked(TestApp app, string username) =>
        await AuthenticationTests.Db(app).AuditLog.AsNoTracking()
            .CountAsync(a => a.Actor == username && a.Action == "login-failed" && a.Detail!.StartsWith("Invalid"));

    [Fact]
    public async Task Thirty_parallel_wrong_passwords_check_only_five_and_lock_the_account()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var attacker = app.From("203.0.113.7");
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Try(attacker, "operator", $"guess-{i:00}-wrong")));
        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        (await Checked(app, "operator")).ShouldBe(5, "only five guesses may reach the password check");
        (await Try(attacker, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "locked even against the right password");
    }

    [Fact]
    public async Task Locks_grow_one_two_four_minutes_and_then_let_the_right_password_in()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var client = app.From("198.51.100.1");
        foreach (var expectedMinutes in new[] { 1, 2, 4 })
        {
            for (var i = 0; i < 5; i++) (await Try(client, "operator", "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await Try(client, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            app.Clock.Advance(TimeSpan.FromMinutes(expectedMinutes) - TimeSpan.FromSeconds(5));
            (await Try(client, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"still inside the {expectedMinutes}-minute lock");
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }
        (await Try(client, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Locks_are_capped_at_the_configured_maximum()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:LoginLockMaxMinutes"] = "3" }, ClientAddresses.Add);
        var client = app.From("198.51.100.2");
        for (var round = 0; round < 4; round++) // 1, 2, 3, 3 minutes
        {
            for (var i = 0; i < 5; i++) await Try(client, "operator", "wrong-password");
            app.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        }
        (await Try(client, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stranger_cannot_keep_the_owner_out_and_the_admins_are_told()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var office = app.From("10.1.1.1");
        (await Try(office, "dispatcher", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stranger = app.From("203.0.113.9");
        for (var i = 0; i < 5; i++) await Try(stranger, "dispatcher", "wrong-password");
        (await Try(stranger, "dispatcher", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Try(app.From("203.0.113.10"), "dispatcher", TestApp.Password)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized, "an address that never signed in waits out the account lock");
        (await Try(office, "dispatcher", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "the owner's usual address still gets in");

        using var admin = await app.ClientFor("admin");
        var inbox = (await admin.Expect("/api/notifications")).AsArray();
        var alert = inbox.ShouldHaveSingleItem()!;
        alert["kind"]!.GetValue<string>().ShouldBe("LoginAttack");
        alert["title"]!.GetValue<string>().ShouldContain("dispatcher");
        alert["body"]!.GetValue<string>().ShouldContain("203.0.113.9");
        var users = (await admin.Expect("/api/users")).AsArray();
        users.Single(u => u!["username"]!.GetValue<string>() == "dispatcher")!["lockedOut"]!.GetValue<bool>().ShouldBeTrue();
        using var supervisor = await app.ClientFor("supervisor");
        (await supervisor.Expect("/api/notifications")).AsArray().ShouldBeEmpty("attack alerts are for administrators");
    }

    [Fact]
    public async Task A_guesser_at_the_owners_own_address_is_still_locked()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var shared = app.From("10.2.2.2");
        (await Try(shared, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Try(shared, "operator", $"guess-{i}")));
        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        (await Checked(app, "operator")).ShouldBe(5);
        (await Try(shared, "operator", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_accounts_are_locked_like_real_ones()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var client = app.From("198.51.100.3");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Try(client, "nobody-here", $"guess-{i}")));
        (await Checked(app, "nobody-here")).ShouldBe(5, "the same five checks as for a real account");
    }

    [Fact]
    public async Task One_address_guessing_across_accounts_is_locked_but_accounts_that_signed_in_there_are_not()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:AddressFailuresBeforeLock"] = "6" }, ClientAddresses.Add);
        var nat = app.From("10.3.3.3");
        (await Try(nat, "leader", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var name in new[] { "operator", "dispatcher", "analyst", "supervisor", "publicity", "admin" })
            await Try(nat, name, "wrong-password");
        (await Try(nat, "publicity", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the address is locked");
        (await Try(nat, "leader", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "an account that signed in from there before is not");
        (await Try(app.From("10.3.3.4"), "publicity", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "other addresses are untouched");
    }

    [Fact]
    public async Task A_password_reset_lifts_the_lock()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var client = app.From("198.51.100.4");
        for (var i = 0; i < 5; i++) await Try(client, "operator", "wrong-password");
        using var admin = await app.ClientFor("admin");
        var id = (await admin.Expect("/api/users")).AsArray().Single(u => u!["username"]!.GetValue<string>() == "operator")!["id"]!.GetValue<long>();
        await admin.Post($"/api/users/{id}/reset-password", new { password = "A-new-passw0rd" }).Expect(HttpStatusCode.NoContent);
        (await Try(client, "operator", "A-new-passw0rd")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
