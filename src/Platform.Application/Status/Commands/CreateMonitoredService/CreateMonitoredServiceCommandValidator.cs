using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.CreateMonitoredService;

internal sealed class CreateMonitoredServiceCommandValidator : AbstractValidator<CreateMonitoredServiceCommand>
{
    public CreateMonitoredServiceCommandValidator()
    {
        RuleFor(x => x.Slug).Must(StatusRules.IsValidSlug)
            .WithMessage($"slug must be 1-{StatusRules.SlugMaxLength} lower-case letters, digits and single hyphens, such as api-gateway.");
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name is required.")
            .MaximumLength(StatusRules.NameMaxLength).SingleLine();
        RuleFor(x => x.Description!).MaximumLength(StatusRules.ServiceDescriptionMaxLength).MultiLine().When(x => x.Description is not null);
        RuleFor(x => x.Group!).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage("group must not be blank; leave it out for none.")
            .MaximumLength(StatusRules.GroupMaxLength).SingleLine().When(x => x.Group is not null);
        RuleFor(x => x.DisplayOrder!.Value).InclusiveBetween(0, StatusRules.DisplayOrderMax).When(x => x.DisplayOrder is not null)
            .OverridePropertyName("display_order");
    }
}
