using Microsoft.AspNetCore.Authorization;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Organization;
using Minsheng.Features.Instructions;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Instructions;

/// <summary>
/// 批示交办: a leader's own instructions with their status, a supervisor's whole jurisdiction (overdue first), a unit's
/// assigned tasks — the same list as GET /api/instructions. Plans that came up for review are listed first after the overdue.
/// </summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(InstructionTasks tasks, CurrentUser me) : AppPage
{
    public const string Roles = "Leader,Supervisor,UnitHandler,UnitHead";

    public IReadOnlyList<InstructionView> Tasks { get; private set; } = [];
    public string Heading => me.Role switch
    {
        Role.Leader => "我的批示",
        Role.Supervisor => "本辖区批示交办事项",
        _ => "本单位承办的批示交办事项",
    };

    public int Overdue => Tasks.Count(t => t.Overdue);
    public int ForReview => Tasks.Count(t => t.DueForReview || t.Status == InstructionStatus.Reported);

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await tasks.ListAsync(ct);

    public static string StatusCss(InstructionView t) => t.Overdue ? "st-wait" : t.Status switch
    {
        InstructionStatus.Closed => "st-done",
        InstructionStatus.Reported => "st-reply",
        InstructionStatus.Planned => "st-off",
        _ => "st-work",
    };
}
