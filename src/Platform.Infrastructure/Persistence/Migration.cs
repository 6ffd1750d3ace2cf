namespace Platform.Infrastructure.Persistence;

public sealed record Migration(string Version, string Name, string Sql, string Checksum);
