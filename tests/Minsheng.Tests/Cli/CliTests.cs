using Minsheng.Cli;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Cli;

/// <summary>The CLI verbs in-process against a real database. Console is global, so these run one at a time.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args)
    {
        var (oldIn, oldOut, oldErr) = (Console.In, Console.Out, Console.Error);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(stdin));
            Console.SetOut(output);
            Console.SetError(error);
            var code = await MinshengCli.RunAsync(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(oldIn);
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public async Task Users_add_list_and_reset_password_work_from_the_command_line()
    {
        await using var db = await TestDatabase.CreateAsync();
        (await Run("", "migrate", "--database", db.Spec)).Out.ShouldContain("001_initial");
        (await Run("", "seed", "--database", db.Spec)).Code.ShouldBe(0);

        var add = await Run("Cli-passw0rd\n", "users", "add", "--username", "newop", "--role", "Operator", "--unit", "MF", "--password-stdin", "--database", db.Spec);
        add.Code.ShouldBe(0, add.Err);
        add.Out.ShouldContain("已创建账号 newop");
        (await Run("", "users", "list", "--database", db.Spec)).Out.ShouldContain("newop");

        var bad = await Run("short\n", "users", "add", "--username", "other", "--role", "Operator", "--unit", "NOPE", "--password-stdin", "--database", db.Spec);
        bad.Code.ShouldBe(1);
        bad.Err.ShouldContain("单位编码 NOPE 不存在");

        var reset = await Run("", "users", "reset-password", "--username", "newop", "--database", db.Spec);
        reset.Code.ShouldBe(0);
        reset.Out.ShouldContain("已重置 newop 的密码：");
        (await Run("", "audit", "verify", "--database", db.Spec)).Out.ShouldContain("审计日志完整");
    }
}

[Collection(nameof(ConsoleCollection))]
public sealed class CalendarCliTests
{
    [Theory]
    [InlineData("2026-02-13T10:00", "3d", "2026-02-25T23:59:59")]  // Saturday 14 February worked, 15–23 off
    [InlineData("2026-09-30T10:00", "3d", "2026-10-10T23:59:59")]  // ends on the make-up Saturday
    [InlineData("2026-12-31T10:00", "1d", "2027-01-04T23:59:59")]  // provisional 2027: New Year, then a weekend
    [InlineData("2026-02-13T10:00", "4h", "2026-02-13T16:30:00")]
    public async Task Calendar_add_prints_the_deadline(string start, string amount, string expected)
    {
        var output = new StringWriter();
        var old = Console.Out;
        Console.SetOut(output);
        try
        {
            (await MinshengCli.RunAsync(["calendar", "add", start, amount])).ShouldBe(0);
        }
        finally
        {
            Console.SetOut(old);
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith(expected);
        lines[0].ShouldEndWith("+08:00");
        (lines.Length > 1 && lines[1].Contains("临时推算")).ShouldBe(expected.StartsWith("2027"));
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
