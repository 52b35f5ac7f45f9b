using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Features.Auth;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Users;

/// <summary>
/// Account changes shared by the admin API, the admin page and the `users` CLI verbs. A signed-in admin manages the
/// accounts of their own subtree only (a county's admin those of that county); the CLI, run on the server as "cli",
/// is not signed in and manages every account.
/// </summary>
public sealed class UserAdmin(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, TimeProvider clock)
{
    private const string OutOfScope = "所属单位不在您管理的辖区内。";

    private bool Covers(long unitId) => !me.IsAuthenticated || me.Covers(unitId);

    /// <summary>The accounts of units in the admin's own subtree (a county's admin never sees the next county's).</summary>
    public async Task<List<User>> ListAsync(CancellationToken ct)
    {
        var mine = units.Subtree(me.UnitId).ToArray();
        return await db.Users.AsNoTracking().Where(u => mine.Contains(u.UnitId)).OrderBy(u => u.Username).ToListAsync(ct);
    }

    public async Task<User> AddAsync(string? username, string? displayName, Role? role, long? unitId, string? password, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("username", username, "用户名", 64).Text("displayName", displayName, "姓名", 50, required: false);
        if (username is { } u && !System.Text.RegularExpressions.Regex.IsMatch(u, "^[A-Za-z0-9_.-]{2,64}$"))
            errors.Add("username", "用户名只能包含字母、数字、下划线、点和减号，2 到 64 位。");
        if (role is null || !Enum.IsDefined(role.Value)) errors.Add("role", $"角色无效，可选：{string.Join("、", Enum.GetNames<Role>())}。");
        if (unitId is null || !await db.Units.AnyAsync(x => x.Id == unitId, ct)) errors.Add("unitId", "所属单位不存在。");
        else if (!Covers(unitId.Value)) errors.Add("unitId", OutOfScope);
        if (Passwords.Problem(password) is { } p) errors.Add("password", p);
        if (username is not null && await db.Users.AnyAsync(x => x.Username == username, ct)) errors.Add("username", "用户名已存在。");
        errors.ThrowIfAny();
        var user = new User(username!, string.IsNullOrWhiteSpace(displayName) ? username! : displayName.Trim(), role!.Value, unitId!.Value, clock.GetUtcNow());
        user.SetPasswordHash(Passwords.Hash(user, password!));
        return await commit.RunAsync(notes =>
        {
            db.Users.Add(user);
            notes.Record(AuditActions.UserCreate, user.Username, $"{user.Role} unit={user.UnitId}");
            return Task.FromResult(user);
        }, ct);
    }

    /// <summary>Sets a new password and lifts the account's lockouts; null when there is no such account in scope.</summary>
    public async Task<User?> ResetPasswordAsync(long id, string? password, CancellationToken ct)
    {
        if (Passwords.Problem(password) is { } p) throw new DomainValidationException("password", p);
        return await commit.RunAsync(async notes =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null || !Covers(user.UnitId)) return null;
            user.SetPasswordHash(Passwords.Hash(user, password!));
            await LoginThrottleReset.ForgetAccountAsync(db, user.Username, ct);
            notes.Record(AuditActions.UserResetPassword, user.Username);
            return user;
        }, ct);
    }

    /// <summary>Changes name, role, unit or state (null keeps it); null when there is no such account in scope.</summary>
    public async Task<User?> UpdateAsync(long id, string? displayName, Role? role, long? unitId, bool? active, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("displayName", displayName, "姓名", 50);
        if (role is { } r && !Enum.IsDefined(r)) errors.Add("role", "角色无效。");
        if (unitId is { } uid && !await db.Units.AnyAsync(x => x.Id == uid, ct)) errors.Add("unitId", "所属单位不存在。");
        else if (unitId is { } u2 && !Covers(u2)) errors.Add("unitId", OutOfScope);
        errors.ThrowIfAny();
        return await commit.RunAsync(async notes =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null || !Covers(user.UnitId)) return null;
            user.Update(displayName!.Trim(), role ?? user.Role, unitId ?? user.UnitId, active ?? user.Active);
            notes.Record(AuditActions.UserUpdate, user.Username, $"{user.Role} unit={user.UnitId} active={user.Active}");
            return user;
        }, ct);
    }
}
