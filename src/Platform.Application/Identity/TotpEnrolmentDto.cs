namespace Platform.Application.Identity;

/// <summary>
/// A pending authenticator: <paramref name="Secret"/> (base32, for typing in), <paramref name="OtpauthUri"/> and
/// <paramref name="QrCode"/> (a <c>data:image/png;base64,</c> URI of the same URI, for an <c>img</c> element) all
/// carry the secret, so the response is shown once and never stored.
/// </summary>
public sealed record TotpEnrolmentDto(string Secret, string OtpauthUri, string QrCode, int Digits, int Period, string Algorithm);
