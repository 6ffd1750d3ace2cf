using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Common.Idempotency;

namespace Platform.Infrastructure.Persistence.Configurations.Common;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Scope).IsRequired();
        builder.Property(r => r.Operation).IsRequired();
        builder.Property(r => r.Key).IsRequired();
        builder.Property(r => r.RequestFingerprint).IsRequired();
        builder.Property(r => r.ResponseJson).IsRequired();
        builder.HasIndex(r => new { r.Scope, r.Operation, r.Key }).IsUnique().HasDatabaseName(IdempotencyRecord.UniqueIndex);
        builder.HasIndex(r => r.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires");
    }
}
