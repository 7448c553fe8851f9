-- Values GLPI 10.0 encrypts with glpicrypt.key: table or config, row, stored value.
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
ORDER BY 1, 2;
