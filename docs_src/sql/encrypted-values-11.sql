-- Values GLPI 11 encrypts with glpicrypt.key: table or config, row, stored value.
SELECT 'glpi_configs' AS source, name AS item, value FROM glpi_configs
 WHERE context = 'core' AND value <> ''
   AND name IN ('glpinetwork_registration_key', 'proxy_passwd', 'smtp_passwd',
                'smtp_oauth_client_secret', 'smtp_oauth_refresh_token')
UNION ALL
SELECT 'glpi_authldaps.rootdn_passwd', id, rootdn_passwd FROM glpi_authldaps WHERE rootdn_passwd <> ''
UNION ALL
SELECT 'glpi_mailcollectors.passwd', id, passwd FROM glpi_mailcollectors WHERE passwd <> ''
UNION ALL
SELECT 'glpi_snmpcredentials.auth_passphrase', id, auth_passphrase FROM glpi_snmpcredentials WHERE auth_passphrase <> ''
UNION ALL
SELECT 'glpi_snmpcredentials.priv_passphrase', id, priv_passphrase FROM glpi_snmpcredentials WHERE priv_passphrase <> ''
UNION ALL
SELECT 'glpi_apiclients.app_token', id, app_token FROM glpi_apiclients WHERE app_token <> ''
UNION ALL
SELECT 'glpi_oauthclients.secret', id, secret FROM glpi_oauthclients WHERE secret <> ''
UNION ALL
SELECT 'glpi_users.api_token', id, api_token FROM glpi_users WHERE api_token <> ''
UNION ALL
SELECT 'glpi_users.cookie_token', id, cookie_token FROM glpi_users WHERE cookie_token <> ''
UNION ALL
SELECT 'glpi_users.password_forget_token', id, password_forget_token FROM glpi_users WHERE password_forget_token <> ''
UNION ALL
SELECT 'glpi_users.personal_token', id, personal_token FROM glpi_users WHERE personal_token <> ''
ORDER BY 1, 2;
