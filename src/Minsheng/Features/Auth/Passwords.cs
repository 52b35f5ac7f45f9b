using Microsoft.AspNetCore.Identity;
using Minsheng.Features.Users;

namespace Minsheng.Features.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, plus generated passwords for seeded accounts.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int MinLength = 8;

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static string Generate(int length = 14) =>
        System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, length);

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinLength ? $"密码至少 {MinLength} 位。"
        : password.Length > 128 ? "密码不能超过 128 位。" : null;
}
