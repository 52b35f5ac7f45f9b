using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Minsheng.Infrastructure;

/// <summary>
/// Turns a unique-constraint failure of either engine into a 409 naming the field. The features check for
/// duplicates first, but two requests at once both pass that check and the second insert hits the constraint.
/// </summary>
public static partial class UniqueViolations
{
    /// <summary>
    /// Constraint (PostgreSQL name) or "table.column" (SQLite message) → the request field and its label.
    /// PostgreSQL names an inline `unique` column constraint {table}_{column}_key.
    /// </summary>
    private static readonly Dictionary<string, (string Field, string Label)> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["units.code"] = ("code", "单位编码"),
        ["units_code_key"] = ("code", "单位编码"),
        ["categories.code"] = ("code", "分类编码"),
        ["categories_code_key"] = ("code", "分类编码"),
        ["users.username"] = ("username", "用户名"),
        ["users_username_key"] = ("username", "用户名"),
        ["appeals.number"] = ("number", "受理编号"),
        ["appeals_number_key"] = ("number", "受理编号"),
        ["published_cases.appeal_id"] = ("appealId", "公开案例"),
        ["published_cases_appeal_id_key"] = ("appealId", "公开案例"),
    };

    // SQLite: "SQLite Error 19: 'UNIQUE constraint failed: units.code'." (several columns are comma-separated).
    [GeneratedRegex("UNIQUE constraint failed: ([^']+)")]
    private static partial Regex SqliteColumns();

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>The 409 for a unique violation, or null when the exception is something else.</summary>
    public static ProblemDetails? ToProblem(DbUpdateException e)
    {
        string? key = e.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.ConstraintName ?? "",
            SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } s =>
                SqliteColumns().Match(s.Message) is { Success: true } m ? m.Groups[1].Value.Split(',')[0].Trim() : "",
            _ => null,
        };
        if (key is null) return null;
        if (!Fields.TryGetValue(key, out var field))
            return new ProblemDetails { Status = 409, Title = "数据已存在", Detail = "同样的记录刚刚已被创建，请刷新后核对。" };
        var message = $"{field.Label}已存在。";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Field] = [message] })
        {
            Status = 409, Title = "数据已存在", Detail = message,
        };
    }
}
