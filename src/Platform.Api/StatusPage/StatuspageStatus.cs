namespace Platform.Api.StatusPage;

public sealed record StatuspageStatus(string Indicator, string Description);
