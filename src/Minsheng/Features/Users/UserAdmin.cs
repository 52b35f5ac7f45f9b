using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Features.Auth;

namespace Minsheng.Features.Users;

/// <summary>
/// Account changes shared by the admin API and the `users` CLI verbs. <c>covers</c> is the acting admin's scope
/// (a county's admin manages the accounts of that county only); the CLI, run on the server, passes none.
/// </summary>
public sealed class UserAdmin(MinshengDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<User> AddAsync(string? username, string? displayName, Role? role, long? unitId, string? password, string actor, CancellationToken ct,
        Func<long, bool>? covers = null)
    {
        var errors = new FieldErrors().Text("username", username, "用户名", 64).Text("displayName", displayName, "姓名", 50, required: false);
        if (username is { } u && !System.Text.RegularExpressions.Regex.IsMatch(u, "^[A-Za-z0-9_.-]{2,64}$"))
            errors.Add("username", "用户名只能包含字母、数字、下划线、点和减号，2 到 64 位。");
        if (role is null || !Enum.IsDefined(role.Value)) errors.Add("role", $"角色无效，可选：{string.Join("、", Enum.GetNames<Role>())}。");
        if (unitId is null || !await db.Units.AnyAsync(x => x.Id == unitId, ct)) errors.Add("unitId", "所属单位不存在。");
        else if (covers is not null && !covers(unitId.Value)) errors.Add("unitId", OutOfScope);
        if (Passwords.Problem(password) is { } p) errors.Add("password", p);
        if (username is not null && await db.Users.AnyAsync(x => x.Username == username, ct)) errors.Add("username", "用户名已存在。");
        errors.ThrowIfAny();
        var user = new User(username!, string.IsNullOrWhiteSpace(displayName) ? username! : displayName.Trim(), role!.Value, unitId!.Value, clock.GetUtcNow());
        user.SetPasswordHash(Passwords.Hash(user, password!));
        await db.WriteAsync(async () =>
        {
            db.Users.Add(user);
            await audit.AppendAsync(actor, "user.create", "user", user.Username, $"{user.Role} unit={user.UnitId}", ct);
        }, ct);
        return user;
    }

    private const string OutOfScope = "所属单位不在您管理的辖区内。";

    public async Task<User?> ResetPasswordAsync(long id, string? password, string actor, CancellationToken ct, Func<long, bool>? covers = null)
    {
        if (Passwords.Problem(password) is { } p) throw new DomainValidationException("password", p);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || covers?.Invoke(user.UnitId) == false) return null;
        user.SetPasswordHash(Passwords.Hash(user, password!));
        await LoginThrottleReset.ForgetAccountAsync(db, user.Username, ct);
        await audit.AppendAsync(actor, "user.reset-password", "user", user.Username, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<User?> UpdateAsync(long id, string? displayName, Role? role, long? unitId, bool? active, string actor, CancellationToken ct,
        Func<long, bool>? covers = null)
    {
        var errors = new FieldErrors().Text("displayName", displayName, "姓名", 50);
        if (role is { } r && !Enum.IsDefined(r)) errors.Add("role", "角色无效。");
        if (unitId is { } uid && !await db.Units.AnyAsync(x => x.Id == uid, ct)) errors.Add("unitId", "所属单位不存在。");
        else if (unitId is { } u2 && covers is not null && !covers(u2)) errors.Add("unitId", OutOfScope);
        errors.ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || covers?.Invoke(user.UnitId) == false) return null;
        user.Update(displayName!.Trim(), role ?? user.Role, unitId ?? user.UnitId, active ?? user.Active);
        await audit.AppendAsync(actor, "user.update", "user", user.Username, $"{user.Role} unit={user.UnitId} active={user.Active}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
