using FluentValidation;

namespace Platform.Application.Status.Queries.GetServiceUptime;

internal sealed class GetServiceUptimeQueryValidator : AbstractValidator<GetServiceUptimeQuery>
{
    public const int MaxDays = 365;

    public GetServiceUptimeQueryValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, MaxDays).WithMessage($"days must be between 1 and {MaxDays}.");
    }
}
