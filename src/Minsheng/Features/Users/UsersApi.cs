using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Users;

public sealed record UserView(long Id, string Username, string DisplayName, Role Role, string RoleLabel, long UnitId, bool Active, bool LockedOut);

public sealed record CreateUserRequest(string? Username, string? DisplayName, Role? Role, long? UnitId, string? Password);

public sealed record UpdateUserRequest(string? DisplayName, Role? Role, long? UnitId, bool? Active);

public sealed record ResetPasswordRequest(string? Password);

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(p => p.RequireRole(nameof(Role.Admin))).WithTags("用户");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapPut("/{id:long}", Update);
        group.MapPost("/{id:long}/reset-password", ResetPassword);
        return group;
    }

    private static async Task<List<UserView>> List(UserAdmin admin, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await admin.ListAsync(ct)).Select(u => View(u, now)).ToList();
    }

    private static async Task<Created<UserView>> Create(CreateUserRequest body, UserAdmin admin, TimeProvider clock, CancellationToken ct)
    {
        var user = await admin.AddAsync(body.Username?.Trim(), body.DisplayName, body.Role, body.UnitId, body.Password, ct);
        return TypedResults.Created($"/api/users/{user.Id}", View(user, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<UserView>, NotFound<ProblemDetails>>> Update(long id, UpdateUserRequest body, UserAdmin admin, TimeProvider clock, CancellationToken ct) =>
        await admin.UpdateAsync(id, body.DisplayName, body.Role, body.UnitId, body.Active, ct) is { } user ? TypedResults.Ok(View(user, clock.GetUtcNow())) : NotFound();

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> ResetPassword(long id, ResetPasswordRequest body, UserAdmin admin, CancellationToken ct) =>
        await admin.ResetPasswordAsync(id, body.Password, ct) is null ? NotFound() : TypedResults.NoContent();

    private static NotFound<ProblemDetails> NotFound() => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "用户不存在" });

    private static UserView View(User u, DateTimeOffset now) =>
        new(u.Id, u.Username, u.DisplayName, u.Role, Labels.Role(u.Role), u.UnitId, u.Active, u.IsLockedOut(now));
}
