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

    // A hash of a random password nobody knows, made once with the same settings as real hashes, so a
    // sign-in for a name that does not exist costs the same time as one with a wrong password.
    private static readonly Lazy<(User User, string Hash)> Dummy = new(() =>
    {
        var user = new User("dummy", "dummy", Domain.Organization.Role.Operator, 0, DateTimeOffset.UnixEpoch);
        return (user, Hasher.HashPassword(user, Generate(20)));
    });

    /// <summary>Does the work of a verification against the dummy hash; the outcome is ignored, the caller refuses anyway.</summary>
    public static void VerifyDummy(string password) => _ = Hasher.VerifyHashedPassword(Dummy.Value.User, Dummy.Value.Hash, password);

    public static string Generate(int length = 14) =>
        System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, length);

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinLength ? $"密码至少 {MinLength} 位。"
        : password.Length > 128 ? "密码不能超过 128 位。" : null;
}
