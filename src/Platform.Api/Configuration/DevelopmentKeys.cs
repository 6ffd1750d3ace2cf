using System.Security.Cryptography;
using System.Text.Json;
using Platform.Application.Identity;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Configuration;

/// <summary>
/// Keys for Development and Testing when none are configured. Development generates them once and keeps them in
/// <see cref="AuthOptions.DevelopmentKeyFile"/> (owner-only permissions), so tokens and cursors survive a restart;
/// Testing generates them per process.
/// </summary>
internal static class DevelopmentKeys
{
    public static void Apply(WebApplicationBuilder builder, AuthOptions auth, ILogger logger)
    {
        var configuration = builder.Configuration;
        Stored keys;
        if (builder.Environment.IsDevelopment())
        {
            var path = Path.GetFullPath(auth.DevelopmentKeyFile, builder.Environment.ContentRootPath);
            keys = LoadOrCreate(path);
            logger.LogWarning("Using Development keys from {Path}. Configure Auth:SecretKey and Auth:SigningKeys outside Development.", path);
        }
        else
        {
            keys = Generate();
        }

        if (string.IsNullOrWhiteSpace(auth.SecretKey))
        {
            configuration["Auth:SecretKey"] = keys.SecretKey;
        }

        if (auth.SigningKeys.Count == 0)
        {
            configuration["Auth:SigningKeys:0:Id"] = keys.SigningKeyId;
            configuration["Auth:SigningKeys:0:PrivateKey"] = keys.SigningKeyPem;
        }
    }

    private static Stored LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
            if (existing is { SecretKey.Length: > 0, SigningKeyId.Length: > 0, SigningKeyPem.Length: > 0 })
            {
                return existing;
            }
        }

        var keys = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, keys);
        }

        return keys;
    }

    private static Stored Generate() => new(
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        $"dev-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}",
        SigningKeyRing.GeneratePrivateKeyPem());

    private sealed record Stored(string SecretKey, string SigningKeyId, string SigningKeyPem);
}
