namespace Platform.Application.Identity;

/// <summary>What an authenticator app needs: the secret in base32, the <c>otpauth://</c> URI, and that URI as a PNG QR code.</summary>
public sealed record TotpSetup(string Secret, string OtpauthUri, byte[] QrCodePng);
