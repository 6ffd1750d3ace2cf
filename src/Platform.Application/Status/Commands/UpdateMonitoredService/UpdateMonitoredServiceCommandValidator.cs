using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.UpdateMonitoredService;

internal sealed class UpdateMonitoredServiceCommandValidator : AbstractValidator<UpdateMonitoredServiceCommand>
{
    public UpdateMonitoredServiceCommandValidator()
    {
        RuleFor(x => x.Slug.Value).Must(StatusRules.IsValidSlug).When(x => x.Slug.HasValue).OverridePropertyName("slug")
            .WithMessage($"slug must be 1-{StatusRules.SlugMaxLength} lower-case letters, digits and single hyphens.");
        RuleFor(x => x.Name.Value).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name must not be empty.")
            .MaximumLength(StatusRules.NameMaxLength).SingleLine().When(x => x.Name.HasValue).OverridePropertyName("name");
        RuleFor(x => x.Description.Value).NotNull().WithMessage("description must be a string (empty for none).")
            .MaximumLength(StatusRules.ServiceDescriptionMaxLength).MultiLine().When(x => x.Description.HasValue).OverridePropertyName("description");
        RuleFor(x => x.Group.Value!).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage("group must not be blank; send null for none.")
            .MaximumLength(StatusRules.GroupMaxLength).SingleLine().When(x => x.Group.HasValue && x.Group.Value is not null).OverridePropertyName("group");
        RuleFor(x => x.DisplayOrder.Value).NotNull().WithMessage("display_order must be a number.")
            .InclusiveBetween(0, StatusRules.DisplayOrderMax).When(x => x.DisplayOrder.HasValue).OverridePropertyName("display_order");
    }
}
