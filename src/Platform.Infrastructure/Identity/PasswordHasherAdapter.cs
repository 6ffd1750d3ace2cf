using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher.</summary>
internal sealed class PasswordHasherAdapter : IPasswordHasher
{
    private readonly PasswordHasher<User> hasher = new();

    public PasswordHasherAdapter() => DummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public string DummyHash { get; }

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(null!, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
