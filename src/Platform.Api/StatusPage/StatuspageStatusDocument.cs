namespace Platform.Api.StatusPage;

public sealed record StatuspageStatusDocument(StatuspagePage Page, StatuspageStatus Status);
