import Fluent
import Vapor

extension Application {
    /// Every migration, in order. The same list runs on SQLite and PostgreSQL.
    func registerMigrations() {
        migrations.add(SessionRecord.migration)
        migrations.add(M001CreateAgencies())
        migrations.add(M002CreateGovernmentAffairs())
        migrations.add(M003CreateUsers())
        migrations.add(M004CreateInnovations())
        migrations.add(M005CreateAuditAndSettings())
        migrations.add(M006AddInnovationCode())
        migrations.add(M007IndexUpdatedAt())
        migrations.add(M008CreateLoginSessions())
        migrations.add(M009RegistryListIndexes())
        migrations.add(M010CreateCompetitions())
        migrations.add(M011SeedEditions())
        migrations.add(M012CreateEvaluation())
        migrations.add(M013CreateInventoryAndIndex())
        migrations.add(M014KeepStateBeforeDiscontinued())
    }
}
