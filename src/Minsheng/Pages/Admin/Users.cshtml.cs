using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Auth;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Admin;

/// <summary>
/// 用户管理: accounts with their role and unit. A new or reset password is shown once on the page that set it
/// (never carried in a cookie or a redirect), and the account's other sessions end with it.
/// </summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class UsersModel(MinshengDb db, UserAdmin admin, UnitTree tree, CurrentUser me, TimeProvider clock) : AdminPage
{
    public const int PageSize = 100;

    public IReadOnlyList<User> Users { get; private set; } = [];
    public int Total { get; private set; }
    public User? Selected { get; private set; }
    public IReadOnlyList<UnitInfo> UnitOptions { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();
    /// <summary>Shown once, right after it was set.</summary>
    public (string Username, string Password)? NewPassword { get; private set; }
    public string? Created { get; private set; }

    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public Role? RoleFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public long? UnitFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public string? EditDisplayName { get; private set; }
    public Role? EditRole { get; private set; }
    public long? EditUnitId { get; private set; }
    public string? NewUsername { get; private set; }
    public string? NewDisplayName { get; private set; }
    public Role? NewRole { get; private set; }
    public long? NewUnitId { get; private set; }

    public object Route(long? id = null) => new { id = id ?? Id, q = Q, role = RoleFilter, unit = UnitFilter, status = Status };

    /// <summary>The list's filters and selection, carried by every form so a POST comes back to the same view.</summary>
    public Dictionary<string, string> RouteValues(long? id = null) => new Dictionary<string, string?>
    {
        ["id"] = (id ?? Id)?.ToString(), ["q"] = Q, ["role"] = RoleFilter?.ToString(), ["unit"] = UnitFilter?.ToString(), ["status"] = Status,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEditAsync(string? editDisplayName, Role? editRole, long? editUnitId, CancellationToken ct)
    {
        (EditDisplayName, EditRole, EditUnitId) = (editDisplayName, editRole, editUnitId);
        User? user = null;
        var ok = await TryAsync("edit", async () => user = await admin.UpdateAsync(Id ?? 0, editDisplayName, editRole, editUnitId, null, ct));
        return await AfterAsync(ok, user, u => $"已保存“{u.Username}”。角色或单位变化后，该用户需要重新登录。", ct);
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken ct)
    {
        var current = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (current is not null && !me.Covers(current.UnitId)) current = null;
        if (current?.Id == me.Id && !active)
        {
            Banner = "不能停用自己正在使用的账户。";
            await LoadAsync(ct);
            return Page();
        }
        User? user = null;
        var ok = current is not null && await TryAsync(async () =>
            user = await admin.UpdateAsync(current.Id, current.DisplayName, null, null, active, ct));
        return await AfterAsync(ok, user, u => active ? $"已启用“{u.Username}”。" : $"已停用“{u.Username}”，其登录已失效。", ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var password = Passwords.Generate();
        User? user = null;
        var ok = await TryAsync(async () => user = await admin.ResetPasswordAsync(Id ?? 0, password, ct));
        if (ok && user is not null) NewPassword = (user.Username, password);
        else if (ok) Banner = "用户不存在：可能已被他人删除，请刷新页面。";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? newUsername, string? newDisplayName, Role? newRole, long? newUnitId, string? newPassword,
        CancellationToken ct)
    {
        (NewUsername, NewDisplayName, NewRole, NewUnitId) = (newUsername, newDisplayName, newRole, newUnitId);
        // A blank password is generated, so the admin never has to invent one to read out.
        var password = string.IsNullOrEmpty(newPassword) ? Passwords.Generate() : newPassword;
        User? user = null;
        var ok = await TryAsync("new", async () =>
            user = await admin.AddAsync(newUsername?.Trim(), newDisplayName, newRole, newUnitId, password, ct));
        if (ok)
        {
            NewPassword = (user!.Username, password);
            Id = user.Id;
            (NewUsername, NewDisplayName, NewRole, NewUnitId) = (null, null, null, null);
            Flash = null;
            Created = $"已创建“{user.Username}”（{Labels.Role(user.Role)}，{tree.NameOf(user.UnitId)}）。";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> AfterAsync(bool ok, User? user, Func<User, string> message, CancellationToken ct)
    {
        if (ok && user is not null) return Done(message(user), Url.Page(null, Route(user.Id)));
        if (ok) Banner = "用户不存在：可能已被他人删除，请刷新页面。";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // A county's admin lists and manages the accounts of that county only.
        UnitOptions = tree.All.Where(u => u.Active && me.Covers(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var mine = tree.Subtree(me.UnitId).ToArray();
        var query = db.Users.AsNoTracking().Where(u => mine.Contains(u.UnitId));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.Username.Contains(q) || u.DisplayName.Contains(q));
        }
        if (RoleFilter is { } role) query = query.Where(u => u.Role == role);
        if (UnitFilter is { } unit)
        {
            var subtree = tree.Subtree(unit).ToArray();
            query = query.Where(u => subtree.Contains(u.UnitId));
        }
        var now = clock.GetUtcNow();
        query = Status switch
        {
            "active" => query.Where(u => u.Active),
            "inactive" => query.Where(u => !u.Active),
            "locked" => query.Where(u => u.LockedUntil != null),
            _ => query,
        };
        Total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Username).Take(PageSize).ToListAsync(ct);
        // Lockouts end by themselves; the filter narrows in memory because the stored time needs no index here.
        Users = Status == "locked" ? rows.Where(u => u.IsLockedOut(now)).ToList() : rows;
        Selected = Id is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && mine.Contains(u.UnitId), ct) : null;
        EditDisplayName ??= Selected?.DisplayName;
        EditRole ??= Selected?.Role;
        EditUnitId ??= Selected?.UnitId;
    }
}
