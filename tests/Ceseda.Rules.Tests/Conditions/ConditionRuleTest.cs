using Ceseda.Rules.Calendars;
using Ceseda.Rules.Conditions;
using Ceseda.Rules.Law;
using Ceseda.Rules.Representation;
using Ceseda.Rules.WaitingZone;
using NodaTime;

namespace Ceseda.Rules.Tests.Conditions;

public sealed class ConditionRuleTest
{
    private static FactSet NaturalPerson(LocalDate assessed, LocalDate birth) => new(
    [
        new("assessmentDate", assessed),
        new("personKind", "natural"),
        new("birthDate", birth),
        new("shownInterestInChildhood", true),
        new("residesInJurisdiction", true),
        new("dishonourableConduct", false),
        new("personalBankruptcy", false),
    ]);

    [Fact]
    public void Evaluate_AllConditionsMet_IsMet()
    {
        var result = AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Metropole,
            NaturalPerson(new LocalDate(2019, 6, 10), new LocalDate(1960, 1, 1)));
        Assert.Equal(Outcome.Met, result.Outcome);
        Assert.Empty(result.Unmet);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_SeventyAndSixMonths_NotMetUnderTheConseilDEtatReading_MetUnderTheLayReading()
    {
        var facts = NaturalPerson(new LocalDate(2019, 6, 10), new LocalDate(1948, 12, 10));
        var rule = AdHocAdministratorConditions.Eligibility;
        var strict = rule.Evaluate(Territories.Metropole, facts);
        Assert.Equal(Outcome.NotMet, strict.Outcome);
        Assert.Equal("R.111-14 1°", Assert.Single(strict.Unmet).Id);
        var lay = rule.Evaluate(Territories.Metropole, facts, ReadingSelection.Defaults.With(Readings.AgeUpperBound, "until-next-birthday"));
        Assert.Equal(Outcome.Met, lay.Outcome);
        var divergent = Assert.Single(rule.DivergentOutcomes(Territories.Metropole, facts));
        Assert.Equal(("age-upper-bound", "until-next-birthday", Outcome.Met), (divergent.Reading.Id, divergent.Option.Id, divergent.Outcome));
    }

    [Theory]
    [InlineData(2018, 12, 10, true)]
    [InlineData(2018, 12, 11, false)]
    public void Evaluate_SeventiethBirthday_MetOnTheDayNotTheDayAfter(int year, int month, int day, bool met)
    {
        var result = AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Metropole,
            NaturalPerson(new LocalDate(year, month, day), new LocalDate(1948, 12, 10)));
        Assert.Equal(met ? Outcome.Met : Outcome.NotMet, result.Outcome);
    }

    [Fact]
    public void Evaluate_MinimumAgeByVersion_Thirty2009_TwentyThreeSince2021()
    {
        var birth = new LocalDate(1996, 1, 1);
        var rule = AdHocAdministratorConditions.Eligibility;
        Assert.Equal(Outcome.NotMet, rule.Evaluate(Territories.Metropole, NaturalPerson(new LocalDate(2021, 4, 30), birth)).Outcome);
        Assert.Equal(Outcome.Met, rule.Evaluate(Territories.Metropole, NaturalPerson(new LocalDate(2021, 5, 1), birth)).Outcome);
    }

    [Fact]
    public void Evaluate_LeapDayBirthday_ReachesThirtyOn28FebruaryByDefault()
    {
        var birth = new LocalDate(1988, 2, 29);
        var facts = NaturalPerson(new LocalDate(2018, 2, 28), birth);
        var rule = AdHocAdministratorConditions.Eligibility;
        Assert.Equal(Outcome.Met, rule.Evaluate(Territories.Metropole, facts).Outcome);
        Assert.Equal(Outcome.NotMet, rule.Evaluate(Territories.Metropole, facts, ReadingSelection.Defaults.With(Readings.LeapDayBirthday, "1-march")).Outcome);
    }

    [Fact]
    public void Evaluate_Mayotte_NotApplicable()
    {
        var result = AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Mayotte,
            NaturalPerson(new LocalDate(2019, 6, 10), new LocalDate(1960, 1, 1)));
        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal("R.111-24", Assert.Single(result.Unmet).Id);
    }

    [Fact]
    public void Evaluate_MissingFacts_UndeterminedWithEveryMissingFactNamed()
    {
        var facts = new FactSet([new("assessmentDate", new LocalDate(2019, 6, 10)), new("personKind", "natural"), new("dishonourableConduct", false)]);
        var result = AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Metropole, facts);
        Assert.Equal(Outcome.Undetermined, result.Outcome);
        Assert.Equal(["birthDate", "shownInterestInChildhood", "residesInJurisdiction", "personalBankruptcy"], result.Missing);
    }

    [Fact]
    public void Evaluate_UnmetAndMissing_NotMetListsBoth()
    {
        var facts = new FactSet([new("assessmentDate", new LocalDate(2019, 6, 10)), new("personKind", "natural"), new("dishonourableConduct", true)]);
        var result = AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Metropole, facts);
        Assert.Equal(Outcome.NotMet, result.Outcome);
        Assert.Equal("R.111-14 4°", Assert.Single(result.Unmet).Id);
        Assert.Contains("birthDate", result.Missing);
    }

    [Fact]
    public void Evaluate_WithoutAssessmentDate_ThrowsMissingFact()
    {
        var e = Assert.Throws<RuleException>(() => AdHocAdministratorConditions.Eligibility.Evaluate(Territories.Metropole, FactSet.Empty));
        Assert.Equal(("missing-fact", "facts.assessmentDate"), (e.Code, e.Field));
    }

    [Fact]
    public void Evaluate_AgrementQuota_TenthPersonAllowedEleventhNot()
    {
        var rule = AccessConditions.AgrementQuota;
        FactSet Quota(long inForce) => new([new("date", new LocalDate(2020, 3, 1)), new("agrementsInForce", inForce), new("personExistingAgrements", 0L)]);
        Assert.Equal(Outcome.Met, rule.Evaluate(Territories.Metropole, Quota(9)).Outcome);
        Assert.Equal("R.223-9 al. 2", Assert.Single(rule.Evaluate(Territories.Metropole, Quota(10)).Unmet).Id);
    }

    [Fact]
    public void Evaluate_Habilitation_FiveYearsFromDeclarationToTheDay()
    {
        var rule = AccessConditions.HabilitationEligibility;
        FactSet On(LocalDate application) => new([new("applicationDate", application), new("declarationDate", new LocalDate(2015, 3, 12)), new("statutoryObject", "human-rights")]);
        Assert.Equal(Outcome.NotMet, rule.Evaluate(Territories.Metropole, On(new LocalDate(2020, 3, 11))).Outcome);
        Assert.Equal(Outcome.Met, rule.Evaluate(Territories.Metropole, On(new LocalDate(2020, 3, 12))).Outcome);
    }
}
