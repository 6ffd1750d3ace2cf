using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using OtpNet;
using Platform.Application.Identity;
using Platform.Infrastructure.Identity;

namespace Platform.Application.Tests.Identity;

/// <summary>
/// TOTP secrets at rest: sealed for one user, opened by the key derived from <c>Auth:SecretKey</c> until a key of
/// their own is configured, then re-sealed under it; codes checked in a window of one step either side.
/// </summary>
public sealed class TotpAuthenticatorTests
{
    private static readonly string ServerSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string MfaKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 0, 10, TimeSpan.Zero);

    private static TotpAuthenticator Authenticator(string secretKey, string? mfaKey = null, params string[] previous) =>
        new(Options.Create(new AuthOptions { SecretKey = secretKey, MfaEncryptionKey = mfaKey, PreviousMfaEncryptionKeys = previous }));

    private static string Code(TotpSetup setup, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(setup.Secret)).ComputeTotp(at.UtcDateTime);

    [Test]
    public void Codes_match_within_one_step_either_side_and_name_their_step()
    {
        var userId = Guid.CreateVersion7();
        var (sealedSecret, setup) = Authenticator(ServerSecret).Create(userId, "ann@example.com");
        var authenticator = Authenticator(ServerSecret);
        var step = At.ToUnixTimeSeconds() / 30;

        Assert.Multiple(() =>
        {
            Assert.That(authenticator.MatchingStep(sealedSecret, userId, Code(setup, At), At), Is.EqualTo(step));
            Assert.That(authenticator.MatchingStep(sealedSecret, userId, Code(setup, At.AddSeconds(-30)), At), Is.EqualTo(step - 1));
            Assert.That(authenticator.MatchingStep(sealedSecret, userId, Code(setup, At.AddSeconds(30)), At), Is.EqualTo(step + 1));
            Assert.That(authenticator.MatchingStep(sealedSecret, userId, Code(setup, At.AddSeconds(-60)), At), Is.Null);
            Assert.That(authenticator.MatchingStep(sealedSecret, userId, Code(setup, At.AddSeconds(60)), At), Is.Null);
            Assert.That(setup.OtpauthUri, Does.StartWith("otpauth://totp/Platform:ann%40example.com?secret=" + setup.Secret));
            Assert.That(sealedSecret, Does.Not.Contain(setup.Secret));
        });
    }

    [Test]
    public void A_sealed_secret_copied_to_another_user_does_not_open()
    {
        var (sealedSecret, setup) = Authenticator(ServerSecret).Create(Guid.CreateVersion7(), "ann@example.com");

        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => Authenticator(ServerSecret).MatchingStep(sealedSecret, Guid.CreateVersion7(), Code(setup, At), At));
    }

    [Test]
    public void Configuring_a_key_later_still_opens_old_secrets_and_reseals_them_under_it()
    {
        var userId = Guid.CreateVersion7();
        var (derivedSealed, setup) = Authenticator(ServerSecret).Create(userId, "ann@example.com");
        var withKey = Authenticator(ServerSecret, MfaKey);

        Assert.That(withKey.MatchingStep(derivedSealed, userId, Code(setup, At), At), Is.Not.Null, "the derived key still opens");
        var resealed = withKey.Reseal(derivedSealed, userId)!;
        Assert.That(resealed, Is.Not.Null.And.Not.EqualTo(derivedSealed));
        Assert.That(withKey.Reseal(resealed, userId), Is.Null, "already under the current key");

        // Once re-sealed, the server secret can change: the configured key alone opens it.
        var rotated = Authenticator(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), MfaKey);
        Assert.That(rotated.MatchingStep(resealed, userId, Code(setup, At), At), Is.Not.Null);
        Assert.That(
            () => rotated.MatchingStep(derivedSealed, userId, Code(setup, At), At),
            Throws.InstanceOf<CryptographicException>().With.Message.Contain("Auth:MfaEncryptionKey"));

        // A key moved to the previous keys opens what it sealed.
        var next = Authenticator(ServerSecret, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), MfaKey);
        Assert.That(next.MatchingStep(resealed, userId, Code(setup, At), At), Is.Not.Null);
    }
}
