using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Identity;

namespace Platform.Infrastructure.Persistence.Configurations.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).IsRequired();
        builder.Property(u => u.NormalizedEmail).IsRequired();
        builder.Property(u => u.DisplayName).IsRequired();
        builder.Property(u => u.PasswordHash).IsRequired();
        builder.Ignore(u => u.IsDisabled);
        builder.Ignore(u => u.IsEmailVerified);
        builder.PrimitiveCollection(u => u.Roles).HasField("roles").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ux_users_normalized_email");
    }
}
