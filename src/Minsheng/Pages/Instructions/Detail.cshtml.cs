using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Instructions;
using Minsheng.Features.Instructions;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Instructions;

/// <summary>
/// One 交办 task: the instruction, the target (masked for units), its history; the unit head's report back
/// (办理情况报告, or a proposal to put it into the work plan), and the leader's acceptance or return.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class DetailModel(InstructionTasks tasks) : AppPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public InstructionView Current { get; private set; } = null!;
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReportAsync(ReportOutcome? outcome, string? text, string? planText, DateOnly? reviewOn, CancellationToken ct)
    {
        Open = "report";
        return RunAsync(() => tasks.ReportAsync(Id, new InstructionReportRequest(outcome, text, planText, reviewOn), ct), "已提交办理情况报告。", ct);
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => RunAsync(() => tasks.AcceptAsync(Id, ct), "已审阅同意。", ct);

    public Task<IActionResult> OnPostReturnAsync(string? reason, int? deadlineDays, CancellationToken ct)
    {
        Open = "return";
        return RunAsync(() => tasks.ReturnAsync(Id, new InstructionReturnRequest(reason, deadlineDays), ct), "已退回重办。", ct);
    }

    private async Task<IActionResult> RunAsync(Func<Task<InstructionView?>> action, string done, CancellationToken ct)
    {
        InstructionView? result = null;
        if (await TryAsync(async () => result = await action()))
            return result is null ? NotFound() : Done(result.Status == InstructionStatus.Closed ? "已闭环。" : done, $"/instructions/{Id}");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await tasks.GetAsync(Id, ct) is not { } t) return false;
        Current = t;
        return true;
    }
}
