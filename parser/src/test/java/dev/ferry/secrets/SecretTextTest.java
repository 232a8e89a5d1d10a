package dev.ferry.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets recognised by shape, redacted for messages: each shape once, and redacting twice changes nothing more. */
class SecretTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                    | redacted
            --password=hunter2                        | --password=<secret password>
            -Ddb.password=hunter2 -Dother=x           | -Ddb.password=<secret db.password> -Dother=x
            --db-password hunter2                     | --db-password <secret db-password>
            jdbc:mysql://etl:hunter2@db/x             | jdbc:mysql://etl:<secret etl_password>@db/x
            /o/b?password=hunter2&x=1                 | /o/b?password=<secret password>&x=1
            TOKEN=${token}                            | TOKEN=${token}
            user=etl                                  | user=etl
            SET fs.s3a.secret.key 'hunter2';          | SET fs.s3a.secret.key <secret fs.s3a.secret.key>;
            set db.password hunter2                   | set db.password <secret db.password>
            SET default_parallel 20;                  | SET default_parallel 20;
            SET mapred.job.queue.name etl             | SET mapred.job.queue.name etl
            DB_PW=hunter2                             | DB_PW=<secret db_pw>
            """)
    void redactsEachShapeOnceAndIsIdempotent(String text, String redacted) {
        assertEquals(redacted, SecretText.redact(text));
        assertEquals(redacted, SecretText.redact(SecretText.redact(text)));
    }

    /** The name a secret's reference goes by: a job parameter and an Airflow Variable both take it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            password        | password
            db.password     | db_password
            db-pass word    | db_pass_word
            9lives_token    | _9lives_token
            ünïcode_secret  | _n_code_secret
            """)
    void keysBecomeIdentifiers(String key, String identifier) {
        assertEquals(identifier, SecretText.identifier(key));
    }
}
