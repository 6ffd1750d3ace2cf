namespace Platform.Application.Common.Interfaces;

public sealed record RefreshTokenPair(string Token, string Hash);
