<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="60"/>
        <source>&amp;Ville numérique</source>
        <translation>&amp;Ville numérique</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="79"/>
        <source>Ville numérique</source>
        <translation>Ville numérique</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="94"/>
        <source>The coordinates of {name} are not numbers.</source>
        <translation>Les coordonnées des {name} ne sont pas des nombres.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="100"/>
        <source>The coordinates of {name} must be pairs of x and y in metres.</source>
        <translation>Les coordonnées des {name} doivent être des couples x, y en mètres.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="107"/>
        <source>{count} of the {name} have no valid coordinates.</source>
        <translation>Parmi les {name}, {count} n'ont pas de coordonnées valides.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="125"/>
        <source>The {name} are not numbers.</source>
        <translation>Les {name} ne sont pas des nombres.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="129"/>
        <source>Expected {expected} {name}, got {got}.</source>
        <translation>Valeurs de « {name} » : {expected} attendues, {got} reçues.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="135"/>
        <source>Some {name} are missing or not finite.</source>
        <translation>Des valeurs manquent ou ne sont pas finies parmi les {name}.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="139"/>
        <source>The {name} cannot be negative.</source>
        <translation>Les {name} ne peuvent pas contenir de valeurs négatives.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="21"/>
        <source>The {name} must be a number.</source>
        <translation>Le paramètre « {name} » doit être un nombre.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="23"/>
        <source>The {name} must be greater than 0.</source>
        <translation>Le paramètre « {name} » doit être supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="176"/>
        <source>The cost pairs must be three arrays of the same length.</source>
        <translation>Les paires de coûts doivent être formées de trois tableaux de même longueur.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="179"/>
        <source>A cost pair refers to a population point that does not exist.</source>
        <translation>Une paire de coûts renvoie à un point de population qui n'existe pas.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="181"/>
        <source>A cost pair refers to a service that does not exist.</source>
        <translation>Une paire de coûts renvoie à un service qui n'existe pas.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="183"/>
        <source>The costs must be finite and not negative.</source>
        <translation>Les coûts doivent être finis et non négatifs.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="124"/>
        <source>Unknown distance decay {name}: use one of {names}.</source>
        <translation>Décroissance avec la distance inconnue : {name}. Valeurs possibles : {names}.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="132"/>
        <source>The weighted zones need a table of distance limits and weights.</source>
        <translation>Les zones pondérées nécessitent une table de limites de distance et de poids.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="139"/>
        <source>The weighted zones need positive distance limits and weights of 0 or more.</source>
        <translation>Les zones pondérées nécessitent des limites de distance positives et des poids supérieurs ou égaux à 0.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="143"/>
        <source>The threshold of weighted zones must be their last distance limit.</source>
        <translation>Le seuil des zones pondérées doit être leur dernière limite de distance.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="153"/>
        <source>A distance threshold is needed.</source>
        <translation>Un seuil de distance est nécessaire.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="154"/>
        <source>distance threshold</source>
        <translation>seuil de distance</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="160"/>
        <source>A linear decay needs a finite threshold.</source>
        <translation>Une décroissance linéaire nécessite un seuil fini.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="164"/>
        <source>A gaussian decay needs sigma or a finite threshold.</source>
        <translation>Une décroissance gaussienne nécessite sigma ou un seuil fini.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="166"/>
        <source>gaussian width (sigma)</source>
        <translation>largeur gaussienne (sigma)</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="177"/>
        <source>The gravity exponent (beta) must be a number.</source>
        <translation>L'exposant de gravité (beta) doit être un nombre.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="179"/>
        <source>The gravity exponent (beta) must be 0 or more.</source>
        <translation>L'exposant de gravité (beta) doit être supérieur ou égal à 0.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="180"/>
        <source>A gravity decay needs a minimum distance or a finite threshold.</source>
        <translation>Une décroissance gravitaire nécessite une distance minimale ou un seuil fini.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="182"/>
        <source>minimum distance</source>
        <translation>distance minimale</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="184"/>
        <source>gravity scale</source>
        <translation>échelle gravitaire</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="204"/>
        <source>Unknown decay parameter(s): {names}.</source>
        <translation>Paramètre(s) de décroissance inconnu(s) : {names}.</translation>
    </message>
    <message>
        <location filename="../core/decay.py" line="218"/>
        <source>The distance decay is not valid.</source>
        <translation>La décroissance avec la distance n'est pas valide.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="263"/>
        <source>population points</source>
        <translation>points de population</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="490"/>
        <source>services</source>
        <translation>services</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="250"/>
        <source>maximum distance</source>
        <translation>distance maximale</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="252"/>
        <source>The maximum distance must be finite.</source>
        <translation>La distance maximale doit être finie.</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="399"/>
        <source>service weights</source>
        <translation>poids des services</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="398"/>
        <source>population weights</source>
        <translation>poids de la population</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="400"/>
        <source>population unit</source>
        <translation>unité de population</translation>
    </message>
    <message>
        <location filename="../core/access.py" line="429"/>
        <source>The enhanced 2SFCA needs a distance decay.</source>
        <translation>La méthode 2SFCA améliorée nécessite une décroissance avec la distance.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="92"/>
        <source>{what}: cannot read &apos;{item}&apos;, expected category=value (e.g. epn=1000).</source>
        <translation>{what} : impossible de lire « {item} », format attendu catégorie=valeur (par ex. epn=1000).</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="107"/>
        <source>{what}: &apos;{value}&apos; is not a number (in &apos;{item}&apos;).</source>
        <translation>{what} : « {value} » n'est pas un nombre (dans « {item} »).</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="113"/>
        <source>{what}: the value of &apos;{key}&apos; must be a positive number.</source>
        <translation>{what} : la valeur de « {key} » doit être un nombre positif.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="445"/>
        <source>Population values and points differ in number.</source>
        <translation>Les valeurs de population et les points ne sont pas en même nombre.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="447"/>
        <source>Service categories and points differ in number.</source>
        <translation>Les catégories de services et les points ne sont pas en même nombre.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="449"/>
        <source>The population field has negative values.</source>
        <translation>Le champ de population contient des valeurs négatives.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="467"/>
        <source>No service category to evaluate: the services have no category.</source>
        <translation>Aucune catégorie de service à évaluer : les services n'ont pas de catégorie.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="525"/>
        <source>The category weights sum to zero: give at least one positive weight.</source>
        <translation>La somme des poids des catégories est nulle : indiquez au moins un poids positif.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="320"/>
        <source>a dataset</source>
        <translation>un jeu de données</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="340"/>
        <source>No national dataset of lieux de médiation numérique was found on {host} among the {count} datasets using the schema {schema}. The catalogue may have changed: load a downloaded file instead.</source>
        <translation>Aucun jeu de données national de lieux de médiation numérique n'a été trouvé sur {host} parmi les {count} jeux utilisant le schéma {schema}. Le catalogue a peut-être changé : chargez plutôt un fichier téléchargé.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="392"/>
        <source>The dataset &quot;{title}&quot; has no CSV file at the moment. Try again later or load a file.</source>
        <translation>Le jeu de données « {title} » n'a pas de fichier CSV pour le moment. Réessayez plus tard ou chargez un fichier.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="275"/>
        <source>a list page</source>
        <translation>une page de liste</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="456"/>
        <source>The server {host} did not answer with {what} as expected. The API may have changed.</source>
        <translation>Le serveur {host} n'a pas répondu avec {what} comme prévu. L'API a peut-être changé.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="206"/>
        <source>The field {name} is not numeric.</source>
        <translation>Le champ {name} n'est pas numérique.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="209"/>
        <source>The field {name} does not have one value per unit.</source>
        <translation>Le champ {name} n'a pas une valeur par unité.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="219"/>
        <source>The population grid lacks the field(s) {names}.</source>
        <translation>La grille de population ne contient pas le(s) champ(s) {names}.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="230"/>
        <source>The field {name} has negative values.</source>
        <translation>Le champ {name} contient des valeurs négatives.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="285"/>
        <source>The fragility weights must be numbers.</source>
        <translation>Les poids de fragilité doivent être des nombres.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="396"/>
        <source>Unknown fragility indicator(s) {names}: use {known}.</source>
        <translation>Indicateur(s) de fragilité inconnu(s) {names} : utilisez {known}.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="300"/>
        <source>The fragility weights must be 0 or more.</source>
        <translation>Les poids de fragilité doivent être supérieurs ou égaux à 0.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="302"/>
        <source>At least one fragility weight must be greater than 0.</source>
        <translation>Au moins un poids de fragilité doit être supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="317"/>
        <source>Unknown fragility method {name}: use one of {names}.</source>
        <translation>Méthode de fragilité inconnue : {name}. Valeurs possibles : {names}.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="326"/>
        <source>No values for the fragility indicator(s) {names}.</source>
        <translation>Aucune valeur pour le(s) indicateur(s) de fragilité {names}.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="377"/>
        <source>The fragility reference must be national, area or a table of shares.</source>
        <translation>La référence de fragilité doit être « national », « area » ou une table de parts.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="381"/>
        <source>The area reference needs the population counts.</source>
        <translation>La référence « area » nécessite les effectifs de population.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="393"/>
        <source>The reference shares must be numbers.</source>
        <translation>Les parts de référence doivent être des nombres.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="402"/>
        <source>The reference shares must be between 0 (excluded) and 1.</source>
        <translation>Les parts de référence doivent être comprises entre 0 (exclu) et 1.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="530"/>
        <source>overlap area</source>
        <translation>surface de recouvrement</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="537"/>
        <source>The overlap arrays must have the same length.</source>
        <translation>Les tableaux de recouvrement doivent avoir la même longueur.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="539"/>
        <source>An overlap refers to a cell that does not exist.</source>
        <translation>Un recouvrement renvoie à un carreau qui n'existe pas.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="541"/>
        <source>The overlap areas must be finite and not negative.</source>
        <translation>Les surfaces de recouvrement doivent être finies et non négatives.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="542"/>
        <source>zone values</source>
        <translation>valeurs des zones</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="544"/>
        <source>The zone table must have one value per code.</source>
        <translation>La table des zones doit avoir une valeur par code.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="116"/>
        <source>Unexpected character {char!r} in the opening hours.</source>
        <translation>Caractère {char!r} inattendu dans les horaires d'ouverture.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="169"/>
        <source>The opening hours end too early.</source>
        <translation>Les horaires d'ouverture s'interrompent trop tôt (texte incomplet).</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="170"/>
        <source>Unexpected {text!r} in the opening hours.</source>
        <translation>{text!r} inattendu dans les horaires d'ouverture.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="307"/>
        <source>Invalid weekday number in the opening hours.</source>
        <translation>Numéro de jour de la semaine non valide dans les horaires d'ouverture.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="323"/>
        <source>Open-ended opening hours cannot be counted.</source>
        <translation>Des horaires d'ouverture sans heure de fin ne peuvent pas être comptés.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="325"/>
        <source>A time in the opening hours is not part of a range (from-to).</source>
        <translation>Une heure des horaires d'ouverture ne fait pas partie d'une plage (début-fin).</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="334"/>
        <source>Open-ended or repeated times cannot be counted.</source>
        <translation>Des heures sans fin ou répétées ne peuvent pas être comptées.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="349"/>
        <source>Invalid time {time} in the opening hours.</source>
        <translation>Heure {time} non valide dans les horaires d'ouverture.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="408"/>
        <source>No opening hours given.</source>
        <translation>Aucun horaire d'ouverture indiqué.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="415"/>
        <source>Opening hours {text!r} could not be read: {error}</source>
        <translation>Les horaires d'ouverture {text!r} n'ont pas pu être lus : {error}</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="422"/>
        <source>Opening hours {text!r} give no regular weekly hours (only holidays, exceptions or comments).</source>
        <translation>Les horaires d'ouverture {text!r} ne donnent aucun horaire hebdomadaire régulier (seulement des jours fériés, des exceptions ou des commentaires).</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="514"/>
        <source>Unknown hours can be replaced by the median or by a number, not {value!r}.</source>
        <translation>Les horaires inconnus peuvent être remplacés par la médiane ou par un nombre, pas par {value!r}.</translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="520"/>
        <source>The hours given for unknown opening hours must be 0 or more.</source>
        <translation>Les heures indiquées pour les horaires d'ouverture inconnus doivent être supérieures ou égales à 0.</translation>
    </message>
    <message>
        <location filename="../processing/utils.py" line="99"/>
        <source>The operation was canceled.</source>
        <translation>L'opération a été annulée.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="90"/>
        <source>The server {host} received too many requests (HTTP 429{detail}). Wait {seconds} s and try again.</source>
        <translation>Le serveur {host} a reçu trop de requêtes (HTTP 429{detail}). Patientez {seconds} s puis réessayez.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="95"/>
        <source>The server {host} has no resource at {url} (HTTP {status}{detail}). Check the address or the identifier: the data may have moved or been deleted.</source>
        <translation>Le serveur {host} n'a pas de ressource à l'adresse {url} (HTTP {status}{detail}). Vérifiez l'adresse ou l'identifiant : les données ont pu être déplacées ou supprimées.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="100"/>
        <source>Your proxy asks for a user name and a password (HTTP 407, server {host}). Enter them in QGIS: Settings &gt; Options &gt; Network.</source>
        <translation>Votre proxy demande un nom d'utilisateur et un mot de passe (HTTP 407, serveur {host}). Saisissez-les dans QGIS : Préférences &gt; Options &gt; Réseau.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="105"/>
        <source>The server {host} refused access (HTTP {status}{detail}). The data may be restricted, or a proxy may block it: check the network settings of QGIS.</source>
        <translation>Le serveur {host} a refusé l'accès (HTTP {status}{detail}). Les données sont peut-être restreintes, ou un proxy les bloque : vérifiez les paramètres réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="110"/>
        <source>The server {host} rejected the request (HTTP {status}{detail}). Check the parameters of {url}.</source>
        <translation>Le serveur {host} a rejeté la requête (HTTP {status}{detail}). Vérifiez les paramètres de {url}.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="114"/>
        <source>The server {host} has a problem (HTTP {status}{detail}). Try again later.</source>
        <translation>Le serveur {host} rencontre un problème (HTTP {status}{detail}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="160"/>
        <source>The proxy could not forward the request to {host}. Check the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Le proxy n'a pas pu transmettre la requête à {host}. Vérifiez les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="168"/>
        <source>The secure connection to {host} failed (certificate or TLS problem). If your organisation filters HTTPS, ask its IT department for its certificate.</source>
        <translation>La connexion sécurisée à {host} a échoué (problème de certificat ou de TLS). Si votre organisation filtre le HTTPS, demandez son certificat à votre service informatique.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="177"/>
        <source>The server {host} did not answer within {seconds} s. Check your connection or try again later; the time-out can be raised in the settings.</source>
        <translation>Le serveur {host} n'a pas répondu en {seconds} s. Vérifiez votre connexion ou réessayez plus tard ; le délai d'attente peut être augmenté dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="185"/>
        <source>The connection to {host} was cut during the transfer. Try again.</source>
        <translation>La connexion à {host} a été coupée pendant le transfert. Réessayez.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="189"/>
        <source>Cannot reach the server {host}. Check your internet connection and the proxy settings of QGIS, or turn on offline mode to use the data already downloaded.</source>
        <translation>Impossible de joindre le serveur {host}. Vérifiez votre connexion internet et les paramètres de proxy de QGIS, ou activez le mode hors ligne pour utiliser les données déjà téléchargées.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="196"/>
        <source>The request to {host} could not be sent ({error}). Check the address {url}.</source>
        <translation>La requête vers {host} n'a pas pu être envoyée ({error}). Vérifiez l'adresse {url}.</translation>
    </message>
    <message>
        <location filename="../core/http_response.py" line="45"/>
        <source>The server {host} sent an answer that is not valid JSON ({error}). Try again later; if it persists, the service may have changed.</source>
        <translation>Le serveur {host} a renvoyé une réponse qui n'est pas du JSON valide ({error}). Réessayez plus tard ; si cela persiste, le service a peut-être changé.</translation>
    </message>
    <message>
        <location filename="../core/http_response.py" line="93"/>
        <source>The server {host} answered with {received} instead of {expected}: probably an error or login page (proxy, captive portal). Check the address and the network settings of QGIS.</source>
        <translation>Le serveur {host} a répondu avec {received} au lieu de {expected} : probablement une page d'erreur ou de connexion (proxy, portail captif). Vérifiez l'adresse et les paramètres réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../core/http_response.py" line="93"/>
        <source>a data file</source>
        <translation>un fichier de données</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="319"/>
        <source>Offline mode is on and {url} is not in the cache. Turn offline mode off in the Ville numérique settings (or unset VILLE_NUMERIQUE_OFFLINE) and run again once connected.</source>
        <translation>Le mode hors ligne est activé et {url} n'est pas dans le cache. Désactivez le mode hors ligne dans les paramètres de Ville numérique (ou retirez VILLE_NUMERIQUE_OFFLINE) et relancez une fois connecté.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="501"/>
        <source>The download of {url} stopped after {done} of {total} bytes. Try again.</source>
        <translation>Le téléchargement de {url} s'est arrêté après {done} octets sur {total}. Réessayez.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="336"/>
        <source>The WFS of {host} did not return features for {layer}{detail}.</source>
        <translation>Le WFS de {host} n'a pas renvoyé d'entités pour {layer}{detail}.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="373"/>
        <source>The geocoder of {host} did not return results.</source>
        <translation>Le géocodeur de {host} n'a pas renvoyé de résultats.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="435"/>
        <source>The isochrone service of {host} answered: {message}</source>
        <translation>Le service d'isochrones de {host} a répondu : {message}</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="443"/>
        <source>The isochrone service of {host} did not return a polygon.</source>
        <translation>Le service d'isochrones de {host} n'a pas renvoyé de polygone.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="465"/>
        <source>The WFS of {host} returned the same page twice: it does not honour STARTINDEX.</source>
        <translation>Le WFS de {host} a renvoyé deux fois la même page : il ne respecte pas STARTINDEX.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="479"/>
        <source>No walking network was found near the point {lon}, {lat}: it is probably too far from a street or path of the IGN network, or outside France. Move the point onto a street and try again.</source>
        <translation>Aucun réseau piéton n'a été trouvé près du point {lon}, {lat} : il est sans doute trop loin d'une rue ou d'un chemin du réseau de l'IGN, ou hors de France. Placez le point sur une rue et réessayez.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="129"/>
        <source>{source}: {read} records read, {kept} kept, {rejected} rejected.</source>
        <translation>{source} : {read} enregistrements lus, {kept} conservés, {rejected} rejetés.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="132"/>
        <source>line {row}: {reason}</source>
        <translation>ligne {row} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="132"/>
        <source>feature {row}: {reason}</source>
        <translation>entité {row} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="85"/>
        <source>&apos;{value}&apos; is not a number (column {column})</source>
        <translation>« {value} » n'est pas un nombre (colonne {column})</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="92"/>
        <source>coordinates out of range: longitude {lon}, latitude {lat}</source>
        <translation>coordonnées hors limites : longitude {lon}, latitude {lat}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="96"/>
        <source>coordinates 0, 0 (position missing)</source>
        <translation>coordonnées 0, 0 (position manquante)</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="139"/>
        <source>invalid geometry</source>
        <translation>géométrie invalide</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="182"/>
        <source>&apos;{value}&apos; is not a &quot;latitude, longitude&quot; pair (column {column})</source>
        <translation>« {value} » n'est pas un couple « latitude, longitude » (colonne {column})</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="195"/>
        <source>invalid GeoJSON in column {column}</source>
        <translation>GeoJSON invalide dans la colonne {column}</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="280"/>
        <source>no coordinates</source>
        <translation>pas de coordonnées</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="218"/>
        <source>The file {name} is not encoded in {encoding}.</source>
        <translation>Le fichier {name} n'est pas encodé en {encoding}.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="172"/>
        <source>{count} fields instead of {expected}</source>
        <translation>{count} champs au lieu de {expected}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="250"/>
        <source>The CSV file {name} cannot be read: {error}</source>
        <translation>Le fichier CSV {name} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="292"/>
        <source>The coordinate system of the columns {x}/{y} of {name} is unknown: give its EPSG code.</source>
        <translation>Le système de coordonnées des colonnes {x}/{y} de {name} est inconnu : indiquez son code EPSG.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="322"/>
        <source>The file {name} cannot be read: {error}</source>
        <translation>Le fichier {name} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="241"/>
        <source>Give both the longitude and the latitude columns of {name}.</source>
        <translation>Indiquez à la fois la colonne de longitude et celle de latitude de {name}.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="270"/>
        <source>The column {column} is not in {name} (columns: {columns}).</source>
        <translation>La colonne {column} n'existe pas dans {name} (colonnes : {columns}).</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="351"/>
        <source>{name} is not GeoJSON (no FeatureCollection or Feature found).</source>
        <translation>{name} n'est pas du GeoJSON (ni FeatureCollection ni Feature).</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="281"/>
        <source>No coordinates found in {name}: expected columns such as latitude/longitude, lat/lon, x_wgs84/y_wgs84, x_l93/y_l93, geo_point_2d or geo_shape. Choose the coordinate columns.</source>
        <translation>Aucune coordonnée trouvée dans {name} : colonnes attendues latitude/longitude, lat/lon, x_wgs84/y_wgs84, x_l93/y_l93, geo_point_2d ou geo_shape. Choisissez les colonnes de coordonnées.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="372"/>
        <source>{name} is not valid JSON: {error}</source>
        <translation>{name} n'est pas du JSON valide : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="388"/>
        <source>invalid feature</source>
        <translation>entité invalide</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="79"/>
        <source>no geometry</source>
        <translation>pas de géométrie</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="439"/>
        <source>GDAL cannot open {name}: the file is damaged or not a vector file.</source>
        <translation>GDAL ne peut pas ouvrir {name} : le fichier est endommagé ou n'est pas un fichier vecteur.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="444"/>
        <source>{name} has no layer {layer}.</source>
        <translation>{name} n'a pas de couche {layer}.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="24"/>
        <source>absolute path</source>
        <translation>chemin absolu</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="71"/>
        <source>path leaving the folder</source>
        <translation>chemin sortant du dossier</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="28"/>
        <source>symbolic link</source>
        <translation>lien symbolique</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="62"/>
        <source>{name} is not a valid ZIP archive: {error}</source>
        <translation>{name} n'est pas une archive ZIP valide : {error}</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="73"/>
        <source>The archive {name} was refused: its member &apos;{member}&apos; is unsafe ({reason}).</source>
        <translation>L'archive {name} a été refusée : son élément « {member} » est dangereux ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="144"/>
        <source>The archive {name} contains no data file that can be loaded.</source>
        <translation>L'archive {name} ne contient aucun fichier de données chargeable.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="529"/>
        <source>The format of {name} is not supported.</source>
        <translation>Le format de {name} n'est pas pris en charge.</translation>
    </message>
    <message>
        <location filename="../core/walking.py" line="83"/>
        <source>The walking speed must be greater than 0.</source>
        <translation>La vitesse de marche doit être supérieure à 0.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="134"/>
        <source>The node merging tolerance must be greater than 0.</source>
        <translation>La tolérance de fusion des nœuds doit être supérieure à 0.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="141"/>
        <source>Expected {expected} attribute records for the lines, got {got}.</source>
        <translation>{expected} enregistrements attributaires attendus pour les lignes, {got} reçus.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="279"/>
        <source>points to snap</source>
        <translation>points à rattacher au réseau</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="282"/>
        <source>The maximum snapping distance must be 0 or more.</source>
        <translation>La distance maximale de rattachement au réseau doit être supérieure ou égale à 0.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="493"/>
        <source>A finite walking cut-off is needed to list the pairs.</source>
        <translation>Une distance limite de marche finie est nécessaire pour lister les paires.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="544"/>
        <source>The walking cut-off must be a number.</source>
        <translation>La distance limite de marche doit être un nombre.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="546"/>
        <source>The walking cut-off must be 0 or more.</source>
        <translation>La distance limite de marche doit être supérieure ou égale à 0.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="91"/>
        <source>The population cannot be negative.</source>
        <translation>La population ne peut pas être négative.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="96"/>
        <source>Expected one fragility value per population unit.</source>
        <translation>Une valeur de fragilité par unité de population est attendue.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="111"/>
        <source>The extent and the grid spacing must be numbers.</source>
        <translation>L'emprise et le pas de la grille doivent être des nombres.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="113"/>
        <source>The extent and the grid spacing must be finite.</source>
        <translation>L'emprise et le pas de la grille doivent être finis.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="115"/>
        <source>The grid spacing must be greater than 0.</source>
        <translation>Le pas de la grille doit être supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="117"/>
        <source>The extent is empty.</source>
        <translation>L'emprise est vide.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="121"/>
        <source>The candidate grid would have {count} points; use a larger spacing.</source>
        <translation>La grille de candidats compterait {count} points ; utilisez un pas plus grand.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="148"/>
        <source>The coverage must be given as cost pairs.</source>
        <translation>La couverture doit être fournie sous forme de paires de coûts.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="149"/>
        <source>demand weights</source>
        <translation>poids de la demande</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="155"/>
        <source>Expected one coverage flag per population unit.</source>
        <translation>Un indicateur de couverture par unité de population est attendu.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="175"/>
        <source>The number of sites must be a whole number.</source>
        <translation>Le nombre de sites doit être un nombre entier.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="177"/>
        <source>The number of sites cannot be negative.</source>
        <translation>Le nombre de sites ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="234"/>
        <source>{count} combinations of sites are too many for an exhaustive search.</source>
        <translation>{count} combinaisons de sites, c'est trop pour une recherche exhaustive.</translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="264"/>
        <source>candidate sites</source>
        <translation>sites candidats</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Digital mediation place</source>
        <translation>Lieu de médiation numérique</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>France Services</source>
        <translation>France Services</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Digital adviser (conseiller numérique)</source>
        <translation>Conseiller numérique</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Third place (tiers-lieu, coworking)</source>
        <translation>Tiers-lieu (coworking)</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Fab lab</source>
        <translation>Fab lab</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Public internet access</source>
        <translation>Accès public à internet</translation>
    </message>
    <message>
        <location filename="../core/services/vocabulary.py" line="75"/>
        <source>Unknown service category: {code}.</source>
        <translation>Catégorie de service inconnue : {code}.</translation>
    </message>
    <message>
        <location filename="../core/services/vocabulary.py" line="326"/>
        <source>A place record must be a dictionary of fields.</source>
        <translation>Un enregistrement de lieu doit être un dictionnaire de champs.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="142"/>
        <source>Place {name}: its coordinates are not numbers.</source>
        <translation>Lieu {name} : ses coordonnées ne sont pas des nombres.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="139"/>
        <source>Place {name} has no coordinates.</source>
        <translation>Le lieu {name} n'a pas de coordonnées.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="145"/>
        <source>Place {name}: longitude {lon} / latitude {lat} are out of range.</source>
        <translation>Lieu {name} : longitude {lon} / latitude {lat} hors limites.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="149"/>
        <source>Place {name}: coordinates 0, 0 are a placeholder, not a position.</source>
        <translation>Lieu {name} : les coordonnées 0, 0 sont une valeur de remplissage, pas une position.</translation>
    </message>
    <message>
        <location filename="../core/services/wifi.py" line="99"/>
        <source>Place {id} has no name.</source>
        <translation>Le lieu {id} n'a pas de nom.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="336"/>
        <source>The France Services table lacks the columns: {columns}.</source>
        <translation>La table France Services ne contient pas les colonnes : {columns}.</translation>
    </message>
    <message>
        <location filename="../core/services/sources.py" line="118"/>
        <source>Cannot read {path}: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../core/services/sources.py" line="120"/>
        <source>{path} is not a readable CSV file: {error}</source>
        <translation>{path} n'est pas un fichier CSV lisible : {error}</translation>
    </message>
    <message>
        <location filename="../core/services/dedup.py" line="218"/>
        <source>The merging distance must be a positive number of metres.</source>
        <translation>La distance de fusion doit être un nombre positif de mètres.</translation>
    </message>
    <message>
        <location filename="../core/services/dedup.py" line="249"/>
        <source>Every place to merge needs numeric lon and lat fields.</source>
        <translation>Chaque lieu à fusionner doit avoir des champs lon et lat numériques.</translation>
    </message>
    <message>
        <location filename="../core/settings.py" line="117"/>
        <source>The value &apos;{value}&apos; given by {origin} for the option {option} is not valid.</source>
        <translation>La valeur « {value} » donnée par {origin} pour l'option {option} n'est pas valide.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="106"/>
        <source>Coverage analysis</source>
        <translation>Analyse de couverture</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="35"/>
        <source>Open data</source>
        <translation>Données ouvertes</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="108"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="299"/>
        <source>Digital services coverage</source>
        <translation>Couverture des services numériques</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="167"/>
        <source>Population (grid cells, IRIS, buildings… or points)</source>
        <translation>Population (carreaux, IRIS, bâtiments… ou points)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="172"/>
        <source>Population units; polygons are represented by their centroid.</source>
        <translation>Unités de population ; les polygones sont représentés par leur centroïde.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="174"/>
        <source>Population field</source>
        <translation>Champ de population</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="181"/>
        <source>Number of inhabitants of each unit (INSEE grid: ind).</source>
        <translation>Nombre d'habitants de chaque unité (grille INSEE : ind).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="185"/>
        <source>Digital services (points)</source>
        <translation>Services numériques (points)</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="21"/>
        <source>Category field</source>
        <translation>Champ de catégorie</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="200"/>
        <source>Category codes of each service, several separated by | (e.g. epn|wifi).</source>
        <translation>Codes de catégorie de chaque service, plusieurs séparés par | (par ex. epn|wifi).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="232"/>
        <source>Category weights in the score</source>
        <translation>Poids des catégories dans le score</translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="181"/>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="44"/>
        <source>Summary (JSON)</source>
        <translation>Synthèse (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="44"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="15"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="19"/>
        <source>Digital services</source>
        <translation>Services numériques</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="401"/>
        <source>Thresholds</source>
        <translation>Seuils</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="402"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="311"/>
        <source>Distances measured in {crs} ({name}).</source>
        <translation>Distances mesurées dans le SCR {crs} ({name}).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="383"/>
        <source>{n} population unit(s) without geometry skipped (kept in the output with empty results).</source>
        <translation>{n} unité(s) de population sans géométrie ignorée(s) (conservée(s) dans la sortie avec des résultats vides).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="389"/>
        <source>{n} service(s) without geometry skipped.</source>
        <translation>{n} service(s) sans géométrie ignoré(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="393"/>
        <source>No population unit has a usable geometry: they are empty or cannot be placed in {crs} from the layer&apos;s CRS {source}. Check the CRS of the layer.</source>
        <translation>Aucune unité de population n'a de géométrie exploitable : elles sont vides ou ne peuvent pas être placées dans {crs} depuis le SCR {source} de la couche. Vérifiez le SCR de la couche.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="464"/>
        <source>No service has a category in field &apos;{field}&apos;: fill it with codes such as epn, france_services, conseiller_numerique, tiers_lieu, fablab, wifi.</source>
        <translation>Aucun service n'a de catégorie dans le champ « {field} » : remplissez-le avec des codes tels que epn, france_services, conseiller_numerique, tiers_lieu, fablab, wifi.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="491"/>
        <source>{n} population unit(s) with an empty population counted as 0.</source>
        <translation>{n} unité(s) de population sans valeur de population comptée(s) pour 0.</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="119"/>
        <source>Canceled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="121"/>
        <source>The output layer could not be created.</source>
        <translation>La couche de sortie n'a pas pu être créée.</translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="76"/>
        <source>Field &apos;{name}&apos; of the population layer replaced by the new result.</source>
        <translation>Champ « {name} » de la couche de population remplacé par le nouveau résultat.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="22"/>
        <source>The layer &apos;{label}&apos; could not be opened.</source>
        <translation>La couche « {label} » n'a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="162"/>
        <source>The layer &apos;{label}&apos; has no feature.</source>
        <translation>La couche « {label} » ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="26"/>
        <source>The layer &apos;{label}&apos; has no coordinate reference system: set one in its properties.</source>
        <translation>La couche « {label} » n'a pas de système de coordonnées de référence : définissez-en un dans ses propriétés.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="38"/>
        <source>The layer &apos;{label}&apos; has no field &apos;{name}&apos;. Available fields: {fields}.</source>
        <translation>La couche « {label} » n'a pas de champ « {name} ». Champs disponibles : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="44"/>
        <source>The field &apos;{name}&apos; of layer &apos;{label}&apos; is not numeric (type {type}): choose a numeric field or convert it with the field calculator.</source>
        <translation>Le champ « {name} » de la couche « {label} » n'est pas numérique (type {type}) : choisissez un champ numérique ou convertissez-le avec la calculatrice de champ.</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="48"/>
        <source>Ville numérique {version} — digital inclusion coverage</source>
        <translation>Ville numérique {version} — couverture des services d'inclusion numérique</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="29"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="30"/>
        <source>Population (INSEE 200 m grid)</source>
        <translation>Population (grille INSEE 200 m)</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="32"/>
        <source>Station project (scenario)</source>
        <translation>Projet de gare (scénario)</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="41"/>
        <source>Station</source>
        <translation>Gare</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="13"/>
        <source>Saint-Omer sample</source>
        <translation>Échantillon de Saint-Omer</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="51"/>
        <source>Sample layer {name} could not be read.</source>
        <translation>La couche {name} de l'échantillon n'a pas pu être lue.</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="89"/>
        <source>Digital services coverage…</source>
        <translation>Couverture des services numériques…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="92"/>
        <source>Who lives within walking reach of each kind of digital service?</source>
        <translation>Qui habite à distance de marche de chaque type de service numérique ?</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="96"/>
        <source>Load the Saint-Omer sample</source>
        <translation>Charger l'échantillon de Saint-Omer</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="100"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="83"/>
        <source>Ville numérique panel</source>
        <translation>Panneau Ville numérique</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Show or hide the Ville numérique panel</source>
        <translation>Afficher ou masquer le panneau Ville numérique</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="376"/>
        <source>No dataset listing the France Services was found on {host} (search &quot;{query}&quot;). The catalogue may have changed: load a downloaded file instead.</source>
        <translation>Aucun jeu de données listant les France Services n'a été trouvé sur {host} (recherche « {query} »). Le catalogue a peut-être changé : chargez plutôt un fichier téléchargé.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="410"/>
        <source>No organisation &quot;{name}&quot; on {host}: give its identifier or the last part of the address of its page.</source>
        <translation>Aucune organisation « {name} » sur {host} : indiquez son identifiant ou la dernière partie de l'adresse de sa page.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="417"/>
        <source>an organisation</source>
        <translation>une organisation</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="430"/>
        <source>No resource {rid} on {host}: the file may have been deleted or replaced. Search the catalogue again for its current identifier.</source>
        <translation>Aucune ressource {rid} sur {host} : le fichier a peut-être été supprimé ou remplacé. Recherchez à nouveau son identifiant actuel dans le catalogue.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="439"/>
        <source>a resource</source>
        <translation>une ressource</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="289"/>
        <source>Unknown report language &apos;{language}&apos;: use fr or en.</source>
        <translation>Langue de rapport inconnue « {language} » : utilisez fr ou en.</translation>
    </message>
    <message>
        <location filename="../core/report/document.py" line="85"/>
        <source>The coverage summary must be a JSON object.</source>
        <translation>La synthèse de couverture doit être un objet JSON.</translation>
    </message>
    <message>
        <location filename="../core/services/wifi.py" line="103"/>
        <source>Wi-Fi site {name} is not operational ({state}).</source>
        <translation>Le site wifi {name} n'est pas en service ({state}).</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="61"/>
        <source>Search data.gouv.fr</source>
        <translation>Rechercher sur data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="77"/>
        <source>Search text</source>
        <translation>Texte recherché</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="78"/>
        <source>Words that must all appear, e.g. lieux de médiation numérique.</source>
        <translation>Mots qui doivent tous apparaître, par ex. lieux de médiation numérique.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="65"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="81"/>
        <source>Identifier or slug of the publishing organisation (end of its page address).</source>
        <translation>Identifiant ou slug de l'organisation productrice (fin de l'adresse de sa page).</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="83"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="84"/>
        <source>Tags separated by commas; a dataset must have all of them.</source>
        <translation>Mots-clés séparés par des virgules ; un jeu de données doit tous les avoir.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="86"/>
        <source>Data schema</source>
        <translation>Schéma de données</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="87"/>
        <source>Schema declared by the files, e.g. LaMednum/standard-mediation-num.</source>
        <translation>Schéma déclaré par les fichiers, par ex. LaMednum/standard-mediation-num.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="89"/>
        <source>Maximum number of datasets</source>
        <translation>Nombre maximal de jeux de données</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="98"/>
        <source>Datasets and resources</source>
        <translation>Jeux de données et ressources</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="103"/>
        <source>Number of datasets</source>
        <translation>Nombre de jeux de données</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="104"/>
        <source>Number of resources</source>
        <translation>Nombre de ressources</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="115"/>
        <source>Give something to search for: a text, an organisation, tags or a schema.</source>
        <translation>Indiquez quoi rechercher : un texte, une organisation, des mots-clés ou un schéma.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="120"/>
        <source>Searching the catalogue of {host}…</source>
        <translation>Recherche dans le catalogue de {host}…</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="144"/>
        <source>No dataset of {host} matches the search ({criteria}). Try fewer or other words.</source>
        <translation>Aucun jeu de données de {host} ne correspond à la recherche ({criteria}). Essayez avec moins de mots ou d'autres mots.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="189"/>
        <source>{datasets} dataset(s), {resources} resource(s).</source>
        <translation>{datasets} jeu(x) de données, {resources} ressource(s).</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="210"/>
        <source>Load a data.gouv.fr resource</source>
        <translation>Charger une ressource data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="213"/>
        <source>Resource (identifier or address)</source>
        <translation>Ressource (identifiant ou adresse)</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="214"/>
        <source>A data.gouv.fr resource identifier, its address (…/datasets/r/&lt;id&gt;) or any address of a CSV, GeoJSON, zipped Shapefile or GeoPackage file.</source>
        <translation>Un identifiant de ressource data.gouv.fr, son adresse (…/datasets/r/&lt;id&gt;) ou toute adresse d'un fichier CSV, GeoJSON, Shapefile zippé ou GeoPackage.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="221"/>
        <source>Layer or file inside the resource</source>
        <translation>Couche ou fichier dans la ressource</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="224"/>
        <source>Layer of a GeoPackage, or file of a ZIP archive; the first one by default.</source>
        <translation>Couche d'un GeoPackage ou fichier d'une archive ZIP ; par défaut, le premier élément.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="226"/>
        <source>Longitude (or x) column</source>
        <translation>Colonne de longitude (ou x)</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="227"/>
        <source>Only when the coordinate columns of a CSV file are not found by themselves.</source>
        <translation>Uniquement si les colonnes de coordonnées d'un fichier CSV ne sont pas détectées automatiquement.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="229"/>
        <source>Latitude (or y) column</source>
        <translation>Colonne de latitude (ou y)</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="236"/>
        <source>Loaded layer</source>
        <translation>Couche chargée</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="237"/>
        <source>Records read</source>
        <translation>Enregistrements lus</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="238"/>
        <source>Records kept</source>
        <translation>Enregistrements conservés</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="229"/>
        <source>Records rejected</source>
        <translation>Enregistrements rejetés</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="244"/>
        <source>Give one resource: an identifier or an address.</source>
        <translation>Indiquez une ressource : un identifiant ou une adresse.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="249"/>
        <source>Give both the longitude and the latitude columns, or neither.</source>
        <translation>Indiquez à la fois la colonne de longitude et celle de latitude, ou aucune des deux.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="260"/>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="275"/>
        <source>{name} has no record with a usable position. {summary}</source>
        <translation>{name} n'a aucun enregistrement avec une position exploitable. {summary}</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="282"/>
        <source>{name} has no point, line or polygon geometry.</source>
        <translation>{name} n'a aucune géométrie de type point, ligne ou polygone.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="297"/>
        <source>{n} record(s) with another kind of geometry left out: the layer keeps the {family}s.</source>
        <translation>{n} enregistrement(s) avec un autre type de géométrie écarté(s) : la couche garde les {family}s.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="308"/>
        <source>The coordinate reference system of the file is unknown: set it on the layer.</source>
        <translation>Le système de coordonnées de référence du fichier est inconnu : définissez-le sur la couche.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="314"/>
        <source>{kept} feature(s) written in {crs}; {rejected} record(s) rejected.</source>
        <translation>{kept} entité(s) écrite(s) en {crs} ; {rejected} enregistrement(s) rejeté(s).</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="371"/>
        <source>The longitude and latitude columns only apply to CSV files.</source>
        <translation>Les colonnes de longitude et de latitude ne s'appliquent qu'aux fichiers CSV.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="355"/>
        <source>{name} has no layer {layer}; its layers: {layers}.</source>
        <translation>{name} n'a pas de couche {layer} ; ses couches : {layers}.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="361"/>
        <source>{name} has {n} layers ({layers}); the first one was loaded: choose another with the layer parameter.</source>
        <translation>{name} contient {n} couches ({layers}) ; la première a été chargée : choisissez-en une autre avec le paramètre de couche.</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="70"/>
        <source>Communes (ADMIN EXPRESS)</source>
        <translation>Communes (ADMIN EXPRESS)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="71"/>
        <source>IRIS (statistical units)</source>
        <translation>IRIS (unités statistiques)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="72"/>
        <source>Buildings (BD TOPO)</source>
        <translation>Bâtiments (BD TOPO)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="73"/>
        <source>Road sections usable on foot (BD TOPO)</source>
        <translation>Tronçons de route praticables à pied (BD TOPO)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="74"/>
        <source>Passenger stations and stops (BD TOPO)</source>
        <translation>Gares et arrêts voyageurs (BD TOPO)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="75"/>
        <source>INSEE 200 m grid (Filosofi)</source>
        <translation>Grille INSEE 200 m (Filosofi)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="117"/>
        <source>Fetching {layer} ({typename}) from the IGN Géoplateforme…</source>
        <translation>Récupération de {layer} ({typename}) depuis la Géoplateforme de l'IGN…</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="176"/>
        <source>The IGN Géoplateforme returned no {layer} in the area ({area}).</source>
        <translation>La Géoplateforme de l'IGN n'a renvoyé aucune entité de {layer} dans la zone ({area}).</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="166"/>
        <source>{n} feature(s) of the bounding box outside the area left out.</source>
        <translation>{n} entité(s) du rectangle englobant hors de la zone écartée(s).</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="170"/>
        <source>{n} feature(s) without a usable geometry left out.</source>
        <translation>{n} entité(s) sans géométrie exploitable écartée(s).</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="185"/>
        <source>Features per WFS request</source>
        <translation>Entités par requête WFS</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="193"/>
        <source>The Géoplateforme serves at most 5000 features per request; larger areas take several.</source>
        <translation>La Géoplateforme fournit au plus 5000 entités par requête ; les zones plus grandes en nécessitent plusieurs.</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="209"/>
        <source>Fetch an IGN Géoplateforme layer</source>
        <translation>Récupérer une couche de la Géoplateforme de l'IGN</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="212"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="218"/>
        <source>IGN layer</source>
        <translation>Couche IGN</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="219"/>
        <source>Number of features</source>
        <translation>Nombre d'entités</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="233"/>
        <source>{n} feature(s) of {layer} written.</source>
        <translation>{n} entité(s) de {layer} écrite(s).</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="247"/>
        <source>Fetch the INSEE 200 m population grid</source>
        <translation>Récupérer la grille de population INSEE 200 m</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="252"/>
        <source>Population grid (200 m)</source>
        <translation>Grille de population (200 m)</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="257"/>
        <source>Number of cells</source>
        <translation>Nombre de carreaux</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="258"/>
        <source>Inhabitants in the cells</source>
        <translation>Habitants dans les carreaux</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="272"/>
        <source>The grid served has no field ind (inhabitants).</source>
        <translation>La grille fournie n'a pas de champ ind (habitants).</translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="277"/>
        <source>{n} cell(s) of 200 m, {population:.1f} inhabitants.</source>
        <translation>{n} carreau(x) de 200 m, {population:.1f} habitants.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="79"/>
        <source>{name} is not recognised as a list of digital services: expected lieux de médiation numérique (schema v0 or v1), the France Services list, tiers-lieux or public Wi-Fi sites.</source>
        <translation>{name} n'est pas reconnu comme une liste de services numériques : sont attendus des lieux de médiation numérique (schéma v0 ou v1), la liste des France Services, des tiers-lieux ou des sites de wifi public.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="117"/>
        <source>Fetch the digital services</source>
        <translation>Récupérer les services numériques</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="19"/>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="128"/>
        <source>Places offering at least one of them are kept, with these categories only.</source>
        <translation>Les lieux qui en proposent au moins une sont conservés, avec ces seules catégories.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="143"/>
        <source>Public Wi-Fi datasets</source>
        <translation>Jeux de données de wifi public</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="144"/>
        <source>data.gouv.fr resource identifiers or file addresses of Wi-Fi site lists, separated by commas. Sites that are not operational are left out and counted.</source>
        <translation>Identifiants de ressources data.gouv.fr ou adresses de fichiers de listes de sites wifi, séparés par des virgules. Les sites qui ne sont pas en service sont écartés et comptés.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="151"/>
        <source>Downloaded files</source>
        <translation>Fichiers téléchargés</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="154"/>
        <source>Files already downloaded (CSV, GeoJSON…): lieux de médiation numérique, France Services, tiers-lieux or Wi-Fi lists, recognised by their columns.</source>
        <translation>Fichiers déjà téléchargés (CSV, GeoJSON…) : listes de lieux de médiation numérique, de France Services, de tiers-lieux ou de sites wifi, reconnues par leurs colonnes.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="161"/>
        <source>Merging distance of duplicates (metres)</source>
        <translation>Distance de fusion des doublons (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="169"/>
        <source>Places of matching names closer than this are one place; 0 merges equal ids only.</source>
        <translation>Les lieux de noms concordants plus proches que cette distance ne forment qu'un seul lieu ; 0 ne fusionne que les identifiants identiques.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="221"/>
        <source>Number of places</source>
        <translation>Nombre de lieux</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="230"/>
        <source>Wi-Fi sites not operational</source>
        <translation>Sites wifi hors service</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="235"/>
        <source>Choose at least one category of services.</source>
        <translation>Choisissez au moins une catégorie de services.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="248"/>
        <source>Choose at least one source: a data.gouv.fr dataset, a Wi-Fi list or a file.</source>
        <translation>Choisissez au moins une source : un jeu de données data.gouv.fr, une liste de sites wifi ou un fichier.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="254"/>
        <source>No area given: every place of the sources is kept.</source>
        <translation>Aucune zone indiquée : tous les lieux des sources sont conservés.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="270"/>
        <source>&quot;{dataset}&quot;: file &quot;{resource}&quot; of {date}.</source>
        <translation>« {dataset} » : fichier « {resource} » du {date}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="312"/>
        <source>{kept} record(s) in the area, {outside} outside.</source>
        <translation>{kept} enregistrement(s) dans la zone, {outside} en dehors.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="321"/>
        <source>{before} record(s) merged into {after} place(s).</source>
        <translation>{before} enregistrement(s) fusionné(s) en {after} lieu(x).</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="340"/>
        <source>{n} place(s) without any of the chosen categories left out.</source>
        <translation>{n} lieu(x) sans aucune des catégories choisies écarté(s).</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="349"/>
        <source>No place of the chosen categories ({categories}) was found{where}.</source>
        <translation>Aucun lieu des catégories choisies ({categories}) n'a été trouvé{where}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="349"/>
        <source> in the area ({area})</source>
        <translation> dans la zone ({area})</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="369"/>
        <source>{n} place(s) written: {counts}.</source>
        <translation>{n} lieu(x) écrit(s) : {counts}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="465"/>
        <source>{name}: {read} record(s) read, {kept} kept.</source>
        <translation>{name} : {read} enregistrement(s) lu(s), {kept} conservé(s).</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="470"/>
        <source>Rejected: {details} (e.g. {examples}).</source>
        <translation>Rejetés : {details} (par ex. {examples}).</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="48"/>
        <source>&apos;{value}&apos; is not a walking time: give minutes between 1 and 600, e.g. 5,10,15.</source>
        <translation>« {value} » n'est pas un temps de marche : indiquez des minutes entre 1 et 600, par ex. 5,10,15.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="56"/>
        <source>Give at least one walking time in minutes, e.g. 15 or 5,10,15.</source>
        <translation>Indiquez au moins un temps de marche en minutes, par ex. 15 ou 5,10,15.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="174"/>
        <source>Walking isochrones</source>
        <translation>Isochrones à pied</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="101"/>
        <source>Starting points</source>
        <translation>Points de départ</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="78"/>
        <source>Identifier field</source>
        <translation>Champ d'identifiant</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="81"/>
        <source>Copied to source_id in the output; the feature id when empty.</source>
        <translation>Copié dans source_id en sortie ; identifiant de l'entité si vide.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="33"/>
        <source>Walking times (minutes)</source>
        <translation>Temps de marche (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="84"/>
        <source>One or several times separated by commas, e.g. 5,10,15 (4 km/h on the IGN network).</source>
        <translation>Un ou plusieurs temps séparés par des virgules, par ex. 5,10,15 (4 km/h sur le réseau de l'IGN).</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="93"/>
        <source>Number of isochrones</source>
        <translation>Nombre d'isochrones</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="94"/>
        <source>Points off the walking network</source>
        <translation>Points hors du réseau piéton</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="105"/>
        <source>No starting point has a usable geometry.</source>
        <translation>Aucun point de départ n'a de géométrie exploitable.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="107"/>
        <source>{n} feature(s) without geometry skipped.</source>
        <translation>{n} entité(s) sans géométrie ignorée(s).</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="124"/>
        <source>Point {id}: {message}</source>
        <translation>Point {id} : {message}</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="147"/>
        <source>None of the {n} point(s) could be reached on the IGN walking network: move them onto streets or paths.</source>
        <translation>Aucun des {n} point(s) n'a pu être atteint sur le réseau piéton de l'IGN : placez-les sur des rues ou des chemins.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="154"/>
        <source>{n} point(s) off the walking network were left out: {ids}.</source>
        <translation>{n} point(s) hors du réseau piéton écarté(s) : {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="173"/>
        <source>{n} isochrone(s) written.</source>
        <translation>{n} isochrone(s) écrite(s).</translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="85"/>
        <source>Offline mode: only the data already in the cache ({folder}) is used.</source>
        <translation>Mode hors ligne : seules les données déjà en cache ({folder}) sont utilisées.</translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="91"/>
        <source>Requests go through the proxy set in the QGIS network settings.</source>
        <translation>Les requêtes passent par le proxy défini dans les paramètres réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="41"/>
        <source>{codes}: not an INSEE commune code. A code has five characters, such as 62765 for Saint-Omer or 2A004 for Ajaccio (postal codes are not accepted).</source>
        <translation>{codes} : code(s) INSEE de commune non valide(s). Un code comporte cinq caractères, comme 62765 pour Saint-Omer ou 2A004 pour Ajaccio (les codes postaux ne sont pas acceptés).</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="52"/>
        <source>Area: INSEE commune codes</source>
        <translation>Zone : codes INSEE des communes</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="53"/>
        <source>INSEE codes separated by commas, e.g. 62765,62525 (Saint-Omer, Longuenesse).</source>
        <translation>Codes INSEE séparés par des virgules, par ex. 62765,62525 (Saint-Omer, Longuenesse).</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="55"/>
        <source>Area: extent</source>
        <translation>Zone : emprise</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="56"/>
        <source>A rectangle, in any CRS.</source>
        <translation>Un rectangle, dans n'importe quel SCR.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="58"/>
        <source>Area: polygon layer</source>
        <translation>Zone : couche de polygones</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="61"/>
        <source>The union of its polygons (or of the selected ones) is the area.</source>
        <translation>L'union de ses polygones (ou des polygones sélectionnés) forme la zone.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="63"/>
        <source>Buffer around the area (metres)</source>
        <translation>Tampon autour de la zone (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="71"/>
        <source>Widens the area, e.g. to keep the services just across the boundary.</source>
        <translation>Élargit la zone, par ex. pour garder les services situés juste de l'autre côté de la limite.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="111"/>
        <source>Give the area one way only: commune codes, an extent or a polygon layer.</source>
        <translation>Indiquez la zone d'une seule façon : codes de communes, emprise ou couche de polygones.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="114"/>
        <source>Give the area: INSEE commune codes, an extent or a polygon layer.</source>
        <translation>Indiquez la zone : codes INSEE des communes, emprise ou couche de polygones.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="119"/>
        <source>communes {codes}</source>
        <translation>communes {codes}</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="124"/>
        <source>extent {extent}</source>
        <translation>emprise {extent}</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="127"/>
        <source>polygons of the layer {name}</source>
        <translation>polygones de la couche {name}</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="129"/>
        <source>The area is empty.</source>
        <translation>La zone est vide.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="132"/>
        <source>{area} + {buffer:g} m</source>
        <translation>{area} + {buffer:g} m</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="133"/>
        <source>Area: {label}.</source>
        <translation>Zone : {label}.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="152"/>
        <source>The IGN commune layer has no commune with the code(s) {codes}. Check them: INSEE codes, not postal codes (Saint-Omer is 62765, its postal code 62500).</source>
        <translation>La couche des communes de l'IGN ne contient aucune commune de code {codes}. Vérifiez-les : il faut des codes INSEE, pas des codes postaux (Saint-Omer a le code INSEE 62765 et le code postal 62500).</translation>
    </message>
    <message>
        <location filename="../processing/open_data_area.py" line="176"/>
        <source>The area layer has no polygon (or none can be placed in WGS 84).</source>
        <translation>La couche de zone n'a aucun polygone (ou aucun ne peut être placé en WGS 84).</translation>
    </message>
    <message>
        <location filename="../processing/open_data_files.py" line="61"/>
        <source>data.gouv.fr resource &quot;{title}&quot; ({format}, updated {date}) of the dataset {dataset}.</source>
        <translation>Ressource data.gouv.fr « {title} » ({format}, mise à jour le {date}) du jeu de données {dataset}.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_files.py" line="75"/>
        <source>&apos;{reference}&apos; is neither a data.gouv.fr resource identifier, nor a data.gouv.fr resource address, nor an http(s) address of a file.</source>
        <translation>« {reference} » n'est ni un identifiant de ressource data.gouv.fr, ni une adresse de ressource data.gouv.fr, ni une adresse http(s) de fichier.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_files.py" line="90"/>
        <source>Downloading {url}…</source>
        <translation>Téléchargement de {url}…</translation>
    </message>
    <message>
        <location filename="../processing/geojson_records.py" line="115"/>
        <source>point</source>
        <translation>point</translation>
    </message>
    <message>
        <location filename="../processing/geojson_records.py" line="115"/>
        <source>line</source>
        <translation>ligne</translation>
    </message>
    <message>
        <location filename="../processing/geojson_records.py" line="115"/>
        <source>polygon</source>
        <translation>polygone</translation>
    </message>
    <message>
        <location filename="../processing/geojson_records.py" line="287"/>
        <source>Writing the output failed: {error}</source>
        <translation>L'écriture de la sortie a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="43"/>
        <source>The file &apos;{label}&apos; cannot be read ({path}): {error}</source>
        <translation>Le fichier « {label} » ne peut pas être lu ({path}) : {error}</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="46"/>
        <source>The file &apos;{label}&apos; is not valid JSON ({path}): {error}</source>
        <translation>Le fichier « {label} » n'est pas du JSON valide ({path}) : {error}</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="49"/>
        <source>The file &apos;{label}&apos; does not hold a JSON object ({path}).</source>
        <translation>Le fichier « {label} » ne contient pas d'objet JSON ({path}).</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="77"/>
        <source>Coverage report (HTML and PDF)</source>
        <translation>Rapport de couverture (HTML et PDF)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="80"/>
        <source>Coverage layer</source>
        <translation>Couche de couverture</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="85"/>
        <source>The Coverage output of ville_numerique:coverage (dist_&lt;category&gt;, cov_&lt;category&gt;, score fields).</source>
        <translation>La sortie Couverture de ville_numerique:coverage (champs dist_&lt;category&gt;, cov_&lt;category&gt;, score).</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="88"/>
        <source>Coverage summary (JSON)</source>
        <translation>Synthèse de couverture (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="89"/>
        <source>The Summary (JSON) written with this coverage layer.</source>
        <translation>La Synthèse (JSON) écrite avec cette couche de couverture.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="91"/>
        <source>Scenario summary (JSON)</source>
        <translation>Synthèse du scénario (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="94"/>
        <source>Optional: a scenario summary with before/after figures, shown as a comparison table.</source>
        <translation>Facultatif : une synthèse de scénario avec les chiffres avant/après, présentée sous forme de tableau comparatif.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="96"/>
        <source>Digital services (drawn on the map)</source>
        <translation>Services numériques (dessinés sur la carte)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="101"/>
        <source>Perimeter (drawn on the map)</source>
        <translation>Périmètre (dessiné sur la carte)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="105"/>
        <source>Optional: the study area outline; its name field gives the default title.</source>
        <translation>Facultatif : le contour de la zone d'étude ; son champ de nom donne le titre par défaut.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="65"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="108"/>
        <source>Empty: &quot;Couverture numérique — &lt;place&gt;&quot; (or its English version), the place being named by the perimeter or the services layer.</source>
        <translation>Vide : « Couverture numérique — &lt;lieu&gt; » (ou sa version anglaise), le lieu étant nommé d'après le périmètre ou la couche des services.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="111"/>
        <source>Report language</source>
        <translation>Langue du rapport</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="115"/>
        <source>fr (French, default) or en (English).</source>
        <translation>fr (français, par défaut) ou en (anglais).</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="117"/>
        <source>Report (HTML)</source>
        <translation>Rapport (HTML)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="117"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="119"/>
        <source>Report (PDF)</source>
        <translation>Rapport (PDF)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="119"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="150"/>
        <source>The coverage layer could not be opened.</source>
        <translation>La couche de couverture n'a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="164"/>
        <source>Coverage summary</source>
        <translation>Synthèse de couverture</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="229"/>
        <source>The coverage summary has no &apos;categories&apos;: is it the Summary (JSON) of ville_numerique:coverage?</source>
        <translation>La synthèse de couverture n'a pas de « categories » : s'agit-il bien de la Synthèse (JSON) de ville_numerique:coverage ?</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="166"/>
        <source>Scenario summary</source>
        <translation>Synthèse du scénario</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="172"/>
        <source>Choose a file for the HTML report.</source>
        <translation>Choisissez un fichier pour le rapport HTML.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="176"/>
        <source>Reading the coverage layer…</source>
        <translation>Lecture de la couche de couverture…</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="187"/>
        <source>Drawing the map…</source>
        <translation>Dessin de la carte…</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="209"/>
        <source>HTML report written: {path}</source>
        <translation>Rapport HTML écrit : {path}</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="229"/>
        <source>Exporting the PDF from the print layout…</source>
        <translation>Export du PDF depuis la mise en page…</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="232"/>
        <source>PDF report written: {path}</source>
        <translation>Rapport PDF écrit : {path}</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="113"/>
        <source>The coverage layer has no population field &apos;{name}&apos; (named in the summary): choose the layer written with this summary.</source>
        <translation>La couche de couverture n'a pas de champ de population « {name} » (indiqué dans la synthèse) : choisissez la couche écrite avec cette synthèse.</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="120"/>
        <source>The coverage layer has neither a score field nor dist_&lt;category&gt; fields: choose the Coverage output of ville_numerique:coverage that goes with this summary.</source>
        <translation>La couche de couverture n'a ni champ score ni champs dist_&lt;category&gt; : choisissez la sortie Couverture de ville_numerique:coverage qui correspond à cette synthèse.</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="125"/>
        <source>Fields missing from the coverage layer, left out of the report: {names}.</source>
        <translation>Champs absents de la couche de couverture, omis du rapport : {names}.</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="63"/>
        <source>The print layout template is missing: {path}</source>
        <translation>Le modèle de mise en page est introuvable : {path}</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="80"/>
        <source>The print layout template cannot be read: {path}</source>
        <translation>Le modèle de mise en page ne peut pas être lu : {path}</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="100"/>
        <source>The PDF could not be written ({path}): {error}</source>
        <translation>Le PDF n'a pas pu être écrit ({path}) : {error}</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="78"/>
        <source>Planned services (scenario)</source>
        <translation>Services prévus (scénario)</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="159"/>
        <source>Priority areas</source>
        <translation>Zones prioritaires</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="81"/>
        <source>Project perimeter</source>
        <translation>Périmètre du projet</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="110"/>
        <source>… also offers {category}</source>
        <translation>… propose aussi {category}</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="123"/>
        <source>{low:g}–{high:g} · least served</source>
        <translation>{low:g}–{high:g} · les moins bien desservis</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="127"/>
        <source>{low:g}–{high:g} · best served</source>
        <translation>{low:g}–{high:g} · les mieux desservis</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="198"/>
        <source>The style {name} could not be loaded: {message}</source>
        <translation>Le style {name} n'a pas pu être chargé : {message}</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="235"/>
        <source>The map style {name} could not be applied.</source>
        <translation>Le style cartographique {name} n'a pas pu être appliqué.</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="276"/>
        <source>The style could not be written next to {path}: {error}</source>
        <translation>Le style n'a pas pu être écrit à côté de {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="70"/>
        <source>Nearest service (walking distance)</source>
        <translation>Service le plus proche (distance à pied)</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="71"/>
        <source>Cumulative opportunities (services within reach)</source>
        <translation>Opportunités cumulées (services à portée)</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="72"/>
        <source>2SFCA (services per inhabitant)</source>
        <translation>2SFCA (services par habitant)</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="73"/>
        <source>Enhanced 2SFCA (with distance decay)</source>
        <translation>2SFCA améliorée (avec décroissance selon la distance)</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="80"/>
        <source>Step (within the threshold or not)</source>
        <translation>Palier (en deçà du seuil ou non)</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="81"/>
        <source>Linear</source>
        <translation>Linéaire</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="82"/>
        <source>Gaussian</source>
        <translation>Gaussienne</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="83"/>
        <source>Gravity</source>
        <translation>Gravitaire</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>1. Territory</source>
        <translation>1. Territoire</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>2. Data</source>
        <translation>2. Données</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>3. Analysis</source>
        <translation>3. Analyse</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>4. Results</source>
        <translation>4. Résultats</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>5. Presets</source>
        <translation>5. Préréglages</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="113"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="66"/>
        <source>Name or INSEE code</source>
        <translation>Nom ou code INSEE</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="24"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="41"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="58"/>
        <source>Walking time</source>
        <translation>Temps de marche</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="85"/>
        <source>The commune</source>
        <translation>La commune</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="86"/>
        <source>Use the boundary of the commune as perimeter.</source>
        <translation>Utiliser les limites de la commune comme périmètre.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="91"/>
        <source>Draw…</source>
        <translation>Dessiner…</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="92"/>
        <source>Draw the perimeter on the map: click the vertices, right-click to finish.</source>
        <translation>Dessinez le périmètre sur la carte : cliquez sur les sommets, clic droit pour terminer.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="97"/>
        <source>Selected feature</source>
        <translation>Entité sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="98"/>
        <source>Use the selected feature(s) of the active polygon layer.</source>
        <translation>Utiliser la ou les entités sélectionnées de la couche de polygones active.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="108"/>
        <source>Perimeter</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="110"/>
        <source>≈ {metres} m at 4 km/h</source>
        <translation>≈ {metres} m à 4 km/h</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="14"/>
        <source>Offline sample: Saint-Omer station district (services, INSEE grid, communes, station).</source>
        <translation>Échantillon hors ligne : quartier de la gare de Saint-Omer (services, grille INSEE, communes, gare).</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="36"/>
        <source>Open data for the perimeter</source>
        <translation>Données ouvertes pour le périmètre</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="60"/>
        <source>e.g. médiation numérique, wifi public…</source>
        <translation>par ex. médiation numérique, wifi public…</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="68"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="65"/>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="65"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="72"/>
        <source>Add to the map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="17"/>
        <source>Inhabitants field</source>
        <translation>Champ des habitants</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="34"/>
        <source>Walking time to each kind of service</source>
        <translation>Temps de marche vers chaque type de service</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="90"/>
        <source>Default times</source>
        <translation>Temps par défaut</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="91"/>
        <source>Times set in Settings › Options › Ville numérique.</source>
        <translation>Temps définis dans Préférences › Options › Ville numérique.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="61"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="63"/>
        <source>Distance decay</source>
        <translation>Décroissance avec la distance</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="67"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="65"/>
        <source>Save to</source>
        <translation>Enregistrer dans</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="28"/>
        <source>Run the analysis</source>
        <translation>Lancer l'analyse</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="152"/>
        <source>{metres} m</source>
        <translation>{metres} m</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="14"/>
        <source>No analysis yet: run one from “3. Analysis”.</source>
        <translation>Pas encore d'analyse : lancez-en une depuis « 3. Analyse ».</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Walk</source>
        <translation>À pied</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Covered</source>
        <translation>Couverts</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="25"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="26"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="27"/>
        <source>Recommend sites</source>
        <translation>Recommander des sites</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="13"/>
        <source>An analysis (perimeter, data and parameters) can be saved to a file to share it, or in the QGIS project.</source>
        <translation>Une analyse (périmètre, données et paramètres) peut être enregistrée dans un fichier pour la partager, ou dans le projet QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="17"/>
        <source>Save to a file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="18"/>
        <source>Open a file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="19"/>
        <source>Save in the project</source>
        <translation>Enregistrer dans le projet</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="20"/>
        <source>Load from the project</source>
        <translation>Charger depuis le projet</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="21"/>
        <source>Recent analyses</source>
        <translation>Analyses récentes</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="23"/>
        <source>Restore the selected analysis</source>
        <translation>Restaurer l'analyse sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="190"/>
        <source>Needs the Processing algorithm {id}, not installed yet.</source>
        <translation>Nécessite l'algorithme de Traitements {id}, qui n'est pas encore installé.</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="209"/>
        <source>An operation is already running: wait for it or cancel it.</source>
        <translation>Une opération est déjà en cours : attendez qu'elle se termine ou annulez-la.</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="239"/>
        <source>Canceling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="248"/>
        <source>The operation failed.</source>
        <translation>L'opération a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="269"/>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="203"/>
        <source>{name} — {commune} (UIC {code})</source>
        <translation>{name} — {commune} (UIC {code})</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="309"/>
        <source>Perimeter ready: {name}.</source>
        <translation>Périmètre prêt : {name}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="324"/>
        <source>Choose a station first.</source>
        <translation>Choisissez d'abord une gare.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="318"/>
        <source>Making the perimeter…</source>
        <translation>Création du périmètre…</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="345"/>
        <source>Choose a commune first.</source>
        <translation>Choisissez d'abord une commune.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="361"/>
        <source>Make a polygon layer active and select the feature(s) of the perimeter.</source>
        <translation>Rendez active une couche de polygones et sélectionnez la ou les entités du périmètre.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="365"/>
        <source>No feature is selected in {layer}.</source>
        <translation>Aucune entité n'est sélectionnée dans {layer}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="375"/>
        <source>Canceled: no perimeter was made.</source>
        <translation>Annulé : aucun périmètre n'a été créé.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="394"/>
        <source>Click the vertices of the perimeter on the map; right-click to finish, Esc to cancel.</source>
        <translation>Cliquez sur les sommets du périmètre sur la carte ; clic droit pour terminer, Échap pour annuler.</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="348"/>
        <source>Saint-Omer sample loaded: go on with “3. Analysis”.</source>
        <translation>Échantillon de Saint-Omer chargé : poursuivez avec « 3. Analyse ».</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="82"/>
        <source>Tick at least one category of services.</source>
        <translation>Cochez au moins une catégorie de services.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="238"/>
        <source>Canceled: nothing was added.</source>
        <translation>Annulé : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="240"/>
        <source>{n} layer(s) added.</source>
        <translation>{n} couche(s) ajoutée(s).</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="107"/>
        <source>Fetching the data…</source>
        <translation>Récupération des données…</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="203"/>
        <source>Type what to search for on data.gouv.fr.</source>
        <translation>Saisissez ce que vous cherchez sur data.gouv.fr.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="205"/>
        <source>Searching data.gouv.fr…</source>
        <translation>Recherche sur data.gouv.fr…</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="285"/>
        <source>Search canceled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="222"/>
        <source>No dataset found.</source>
        <translation>Aucun jeu de données trouvé.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="227"/>
        <source>Select a dataset in the results first.</source>
        <translation>Sélectionnez d'abord un jeu de données dans les résultats.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="242"/>
        <source>Loading the dataset…</source>
        <translation>Chargement du jeu de données…</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="215"/>
        <source>Choose the population layer (for instance the INSEE 200 m grid) in “3. Analysis”.</source>
        <translation>Choisissez la couche de population (par exemple la grille INSEE 200 m) dans « 3. Analyse ».</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="217"/>
        <source>Choose the field of {layer} that holds the number of inhabitants.</source>
        <translation>Choisissez le champ de {layer} qui contient le nombre d'habitants.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="220"/>
        <source>The field {field} of {layer} is not numeric: choose the field that holds the number of inhabitants.</source>
        <translation>Le champ {field} de {layer} n'est pas numérique : choisissez le champ qui contient le nombre d'habitants.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="223"/>
        <source>Choose the layer of digital services in “3. Analysis”.</source>
        <translation>Choisissez la couche des services numériques dans « 3. Analyse ».</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="225"/>
        <source>Choose the field of {layer} that holds the service categories.</source>
        <translation>Choisissez le champ de {layer} qui contient les catégories de services.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="227"/>
        <source>Make or choose a perimeter first, or untick “Only the population inside the perimeter”.</source>
        <translation>Créez ou choisissez d'abord un périmètre, ou décochez « Uniquement la population dans le périmètre ».</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="229"/>
        <source>The layer {layer} has no feature.</source>
        <translation>La couche {layer} ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="294"/>
        <source>Selecting the population inside the perimeter…</source>
        <translation>Sélection de la population dans le périmètre…</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="302"/>
        <source>Computing the coverage…</source>
        <translation>Calcul de la couverture…</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="317"/>
        <source>Analysis canceled: nothing was added to the project.</source>
        <translation>Analyse annulée : rien n'a été ajouté au projet.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="332"/>
        <source>The summary could not be read: {error}</source>
        <translation>La synthèse n'a pas pu être lue : {error}</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="343"/>
        <source>Coverage computed: mean score {score} / 100.</source>
        <translation>Couverture calculée : score moyen {score} / 100.</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="208"/>
        <source>Population: {population} inhabitants · mean score: {score} / 100</source>
        <translation>Population : {population} habitants · score moyen : {score} / 100</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="229"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="85"/>
        <source>Not found, choose again: {layers}.</source>
        <translation>Introuvable, choisissez à nouveau : {layers}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="96"/>
        <source>Analysis saved to {path}.</source>
        <translation>Analyse enregistrée dans {path}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="108"/>
        <source>Save the analysis</source>
        <translation>Enregistrer l'analyse</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="116"/>
        <source>Ville numérique analysis (*.json)</source>
        <translation>Analyse Ville numérique (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="116"/>
        <source>Open an analysis</source>
        <translation>Ouvrir une analyse</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="123"/>
        <source>Analysis saved in the project (save the project to keep it).</source>
        <translation>Analyse enregistrée dans le projet (enregistrez le projet pour la conserver).</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="133"/>
        <source>This project holds no Ville numérique analysis.</source>
        <translation>Ce projet ne contient aucune analyse Ville numérique.</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="140"/>
        <source>{layer} — {population} inhabitants, score {score}</source>
        <translation>{layer} — {population} habitants, score {score}</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="489"/>
        <source>Select an analysis in the list.</source>
        <translation>Sélectionnez une analyse dans la liste.</translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="60"/>
        <source>This file is not a Ville numérique analysis (invalid JSON).</source>
        <translation>Ce fichier n'est pas une analyse Ville numérique (JSON non valide).</translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="62"/>
        <source>This file is not a Ville numérique analysis.</source>
        <translation>Ce fichier n'est pas une analyse Ville numérique.</translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="64"/>
        <source>This analysis was saved by a newer version of Ville numérique.</source>
        <translation>Cette analyse a été enregistrée par une version plus récente de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="86"/>
        <source>The file {path} could not be read: {error}</source>
        <translation>Le fichier {path} n'a pas pu être lu : {error}</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="99"/>
        <source>Open data services</source>
        <translation>Services de données ouvertes</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="105"/>
        <source>Offline: use only the cache and local files</source>
        <translation>Hors ligne : utiliser uniquement le cache et les fichiers locaux</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="108"/>
        <source>data.gouv.fr address</source>
        <translation>Adresse de data.gouv.fr</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="109"/>
        <source>Géoplateforme (IGN) address</source>
        <translation>Adresse de la Géoplateforme (IGN)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="111"/>
        <source>Connection timeout</source>
        <translation>Délai de connexion</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="112"/>
        <source>Reading timeout</source>
        <translation>Délai de lecture</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="115"/>
        <source>Cache of downloaded data</source>
        <translation>Cache des données téléchargées</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="124"/>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="125"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="126"/>
        <source>Maximum size</source>
        <translation>Taille maximale</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="145"/>
        <source>Default walking times (minutes at 4 km/h)</source>
        <translation>Temps de marche par défaut (minutes à 4 km/h)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="169"/>
        <source>Restore the defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="171"/>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="185"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="222"/>
        <source>Set by the environment variable {name}.</source>
        <translation>Défini par la variable d'environnement {name}.</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="227"/>
        <source>Set by environment variables, which win over these settings: {names}.</source>
        <translation>Défini par des variables d'environnement, qui priment sur ces paramètres : {names}.</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="84"/>
        <source>The algorithm {id} is not installed.</source>
        <translation>L'algorithme {id} n'est pas installé.</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="95"/>
        <source>The algorithm could not start.</source>
        <translation>L'algorithme n'a pas pu démarrer.</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="121"/>
        <source>The algorithm failed.</source>
        <translation>L'algorithme a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="127"/>
        <source>The results could not be loaded: {error}</source>
        <translation>Les résultats n'ont pas pu être chargés : {error}</translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="138"/>
        <source>The result {name} could not be loaded.</source>
        <translation>Le résultat {name} n'a pas pu être chargé.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="391"/>
        <source>{what}: unknown value &apos;{value}&apos;, use one of {choices}.</source>
        <translation>{what} : valeur inconnue « {value} », utilisez l'une des valeurs suivantes : {choices}.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="456"/>
        <source>Service weights and points differ in number.</source>
        <translation>Les poids des services et les points ne sont pas en même nombre.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="459"/>
        <source>The service weights must be 0 or more.</source>
        <translation>Les poids des services doivent être supérieurs ou égaux à 0.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="474"/>
        <source>Fragility values and population units differ in number.</source>
        <translation>Les valeurs de fragilité et les unités de population ne sont pas en même nombre.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="549"/>
        <source>The two scenarios do not have the same population units.</source>
        <translation>Les deux scénarios n'ont pas les mêmes unités de population.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="235"/>
        <source>Access method</source>
        <translation>Méthode d'accessibilité</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="239"/>
        <source>Service weight field (number, or opening hours)</source>
        <translation>Champ de poids des services (nombre ou horaires d'ouverture)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="249"/>
        <source>Walking network (lines) — straight line when empty</source>
        <translation>Réseau piéton (lignes) — à vol d'oiseau si vide</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="255"/>
        <source>Maximum distance to the network (metres)</source>
        <translation>Distance maximale au réseau (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="264"/>
        <source>Fragility field (0–10) — computed from the INSEE fields when empty</source>
        <translation>Champ de fragilité (0–10) — calculée à partir des champs INSEE si vide</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="270"/>
        <source>Fragility indicator weights</source>
        <translation>Poids des indicateurs de fragilité</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="391"/>
        <source>No service has a usable geometry: check the services layer and its CRS.</source>
        <translation>Aucun service n'a de géométrie exploitable : vérifiez la couche des services et son SCR.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="564"/>
        <source>The fragility field &apos;{name}&apos; must hold values from 0 to 10.</source>
        <translation>Le champ de fragilité « {name} » doit contenir des valeurs de 0 à 10.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="569"/>
        <source>No fragility: the population layer has neither a fragility field nor the INSEE grid fields.</source>
        <translation>Pas de fragilité : la couche de population n'a ni champ de fragilité ni les champs de la grille INSEE.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="573"/>
        <source>Fragility weights</source>
        <translation>Poids de fragilité</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="582"/>
        <source>{n} unit(s) without inhabitants have no fragility value.</source>
        <translation>{n} unité(s) sans habitant n'ont pas de valeur de fragilité.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="597"/>
        <source>Service weights: opening hours per week read from &apos;{field}&apos;.</source>
        <translation>Poids des services : heures d'ouverture par semaine lues dans « {field} ».</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="601"/>
        <source>{n} service(s) without a usable weight get the median weight.</source>
        <translation>{n} service(s) sans poids exploitable reçoivent le poids médian.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="611"/>
        <source>The walking network layer has no feature.</source>
        <translation>La couche du réseau piéton ne contient aucune entité.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="616"/>
        <source>Walking network: {nodes} nodes, {edges} edges; {dropped} line(s) not walkable left out.</source>
        <translation>Réseau piéton : {nodes} nœuds, {edges} arcs ; {dropped} ligne(s) non praticable(s) à pied écartée(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="622"/>
        <source>The walking network has no walkable line.</source>
        <translation>Le réseau piéton n'a aucune ligne praticable à pied.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="131"/>
        <source>Lieux de médiation numérique (national dataset on data.gouv.fr)</source>
        <translation>Lieux de médiation numérique (jeu de données national sur data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="136"/>
        <source>Found in the catalogue at each run (by its schema), so the latest file is used.</source>
        <translation>Recherché dans le catalogue à chaque exécution (par son schéma) : le fichier le plus récent est donc utilisé.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="138"/>
        <source>France Services (ANCT list on data.gouv.fr)</source>
        <translation>France Services (liste de l'ANCT sur data.gouv.fr)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="141"/>
        <source>Found in the catalogue at each run, so the latest file is used.</source>
        <translation>Recherché dans le catalogue à chaque exécution : le fichier le plus récent est donc utilisé.</translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="110"/>
        <source>{n} isochrones to compute: about {minutes:.0f} min at 5 requests per second.</source>
        <translation>{n} isochrones à calculer : environ {minutes:.0f} min à 5 requêtes par seconde.</translation>
    </message>
    <message>
        <location filename="../processing/open_data_files.py" line="84"/>
        <source>{name}: this format ({suffix}) cannot be loaded. Look for a CSV, GeoJSON, zipped Shapefile or GeoPackage version of the data, or save it as CSV.</source>
        <translation>{name} : ce format ({suffix}) ne peut pas être chargé. Cherchez une version CSV, GeoJSON, Shapefile zippé ou GeoPackage des données, ou enregistrez-les en CSV.</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="49"/>
        <source>Recommend sites for new services</source>
        <translation>Recommander des sites pour de nouveaux services</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="54"/>
        <source>Category of the new services</source>
        <translation>Catégorie des nouveaux services</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="56"/>
        <source>Candidate sites (points) — a regular grid when empty</source>
        <translation>Sites candidats (points) — une grille régulière si vide</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="59"/>
        <source>Spacing of the candidate grid (metres)</source>
        <translation>Pas de la grille de candidats (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="62"/>
        <source>Number of sites to choose</source>
        <translation>Nombre de sites à choisir</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="65"/>
        <source>Walking distance covered by a site (metres; 0 = the category&apos;s default)</source>
        <translation>Distance à pied couverte par un site (mètres ; 0 = valeur par défaut de la catégorie)</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="68"/>
        <source>Weight the population by its fragility</source>
        <translation>Pondérer la population par sa fragilité</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="86"/>
        <source>Recommended sites</source>
        <translation>Sites recommandés</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="94"/>
        <source>No fragility available: sites are chosen for the population alone.</source>
        <translation>Aucune fragilité disponible : les sites sont choisis selon la seule population.</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="107"/>
        <source>Only {n} site(s) add coverage: every other candidate covers nobody new.</source>
        <translation>Seulement {n} site(s) apportant de la couverture : aucun autre candidat ne couvre de nouvel habitant.</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="163"/>
        <source>Site {rank}: +{gain:.1f} weighted inhabitant(s) covered ({pop:.1f} inhabitants).</source>
        <translation>Site {rank} : +{gain:.1f} habitant(s) pondéré(s) couvert(s) ({pop:.1f} habitants).</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="179"/>
        <source>{n} candidate(s) without geometry skipped.</source>
        <translation>{n} candidat(s) sans géométrie ignoré(s).</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="181"/>
        <source>No candidate site has a usable geometry.</source>
        <translation>Aucun site candidat n'a de géométrie exploitable.</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="187"/>
        <source>{n} candidate sites on a {spacing:g} m grid.</source>
        <translation>{n} sites candidats sur une grille de {spacing:g} m.</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="36"/>
        <source>Scenario: coverage before and after planned services</source>
        <translation>Scénario : couverture avant et après les services prévus</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="41"/>
        <source>Planned services (points, same category field)</source>
        <translation>Services prévus (points, même champ de catégorie)</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="52"/>
        <source>Planned services</source>
        <translation>Services prévus</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="58"/>
        <source>Before: {n} existing service(s).</source>
        <translation>Avant : {n} service(s) existant(s).</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="66"/>
        <source>After: {n} planned service(s) added.</source>
        <translation>Après : {n} service(s) prévu(s) ajouté(s).</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="158"/>
        <source>Coverage score</source>
        <translation>Score de couverture</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="231"/>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Digital adviser</source>
        <translation>Conseiller numérique</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Third place</source>
        <translation>Tiers-lieu</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Public internet</source>
        <translation>Accès internet</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Inhabitants</source>
        <translation>Habitants</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Fragile</source>
        <translation>Fragiles</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="143"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Kind of digital service</source>
        <translation>Type de service numérique</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Walking time within which a service counts as within reach</source>
        <translation>Temps de marche en deçà duquel un service est considéré comme à portée</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Inhabitants within that walking time of a service of this kind</source>
        <translation>Habitants à moins de ce temps de marche d'un service de ce type</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Share of the population within that walking time</source>
        <translation>Part de la population à moins de ce temps de marche</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Half of the population lives closer than this (straight line)</source>
        <translation>La moitié de la population habite plus près que cette distance (à vol d'oiseau)</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Fragile inhabitants (elderly, poor, living alone) not within reach</source>
        <translation>Habitants fragiles (personnes âgées, pauvres, vivant seules) hors de portée</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="145"/>
        <source>Mean access of the population, in the unit of the method (services within reach, or services per 1,000 inhabitants)</source>
        <translation>Accessibilité moyenne de la population, dans l'unité de la méthode (services à portée, ou services pour 1 000 habitants)</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="168"/>
        <source>Make or choose a perimeter, or a commune, first (1. Territory).</source>
        <translation>Créez ou choisissez d'abord un périmètre, ou une commune (1. Territoire).</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="231"/>
        <source>This dataset has no file that can be added to the map.</source>
        <translation>Ce jeu de données n'a aucun fichier pouvant être ajouté à la carte.</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="212"/>
        <source>Fragile inhabitants: {fragile} (mean fragility {index} / 10)</source>
        <translation>Habitants fragiles : {fragile} (fragilité moyenne {index} / 10)</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="123"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="70"/>
        <source>Digital fragility index (IFN) on population units</source>
        <translation>Indice de fragilité numérique (IFN) sur les unités de population</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="73"/>
        <source>Population units (polygons, e.g. the INSEE 200 m grid)</source>
        <translation>Unités de population (polygones, par ex. la grille INSEE de 200 m)</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="76"/>
        <source>IRIS contours (polygons)</source>
        <translation>Contours IRIS (polygones)</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="78"/>
        <source>IRIS code field of the contours</source>
        <translation>Champ du code IRIS des contours</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="81"/>
        <source>IFN table (one row per IRIS)</source>
        <translation>Table de l'IFN (une ligne par IRIS)</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="83"/>
        <source>IRIS code field of the table</source>
        <translation>Champ du code IRIS de la table</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="86"/>
        <source>IFN score field of the table</source>
        <translation>Champ du score IFN de la table</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="92"/>
        <source>Rescale the IFN (100 = reference) to 0–10</source>
        <translation>Ramener l'IFN (100 = référence) sur une échelle de 0 à 10</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="94"/>
        <source>Population with fragility</source>
        <translation>Population avec fragilité</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="146"/>
        <source>IRIS contours</source>
        <translation>Contours IRIS</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="117"/>
        <source>IFN table</source>
        <translation>Table de l'IFN</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="180"/>
        <source>{n} IRIS code(s) of the contours are not in the table: {codes}.</source>
        <translation>{n} code(s) IRIS des contours absent(s) de la table : {codes}.</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="184"/>
        <source>No population unit overlaps an IRIS of the table: check the codes and the CRS.</source>
        <translation>Aucune unité de population ne recouvre un IRIS de la table : vérifiez les codes et le SCR.</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="186"/>
        <source>{n} unit(s) overlap no IRIS with a known score: fragility left empty.</source>
        <translation>{n} unité(s) ne recouvrent aucun IRIS au score connu : fragilité laissée vide.</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="72"/>
        <source>Geocode addresses and communes</source>
        <translation>Géocoder des adresses et des communes</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="75"/>
        <source>Addresses, places or communes</source>
        <translation>Adresses, lieux ou communes</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="76"/>
        <source>One query per line (or separated by ;), e.g. &apos;Saint-Omer&apos; or &apos;place du 8 mai 1945 Saint-Omer&apos;.</source>
        <translation>Une recherche par ligne (ou séparées par ;), par exemple « Saint-Omer » ou « place du 8 mai 1945 Saint-Omer ».</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="79"/>
        <source>What to look for</source>
        <translation>Quoi chercher</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="79"/>
        <source>Any address</source>
        <translation>Toute adresse</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="79"/>
        <source>Streets</source>
        <translation>Voies</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="79"/>
        <source>House numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="79"/>
        <source>Points of interest</source>
        <translation>Points d'intérêt</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="93"/>
        <source>Only in the commune (INSEE code)</source>
        <translation>Seulement dans la commune (code INSEE)</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="94"/>
        <source>Five-character INSEE code, e.g. 62765 for Saint-Omer.</source>
        <translation>Code INSEE à cinq caractères, par exemple 62765 pour Saint-Omer.</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="96"/>
        <source>Answers per query</source>
        <translation>Réponses par recherche</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="106"/>
        <source>Geocoded places</source>
        <translation>Lieux géocodés</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="111"/>
        <source>Number of places found</source>
        <translation>Nombre de lieux trouvés</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="112"/>
        <source>Queries without an answer</source>
        <translation>Recherches sans réponse</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="117"/>
        <source>Give an address, a place or a commune to look for.</source>
        <translation>Indiquez une adresse, un lieu ou une commune à chercher.</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="119"/>
        <source>{n} queries: at most {max} per run (the geocoder allows 50 requests per second).</source>
        <translation>{n} recherches : au plus {max} par exécution (le géocodeur accepte 50 requêtes par seconde).</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="127"/>
        <source>&apos;{code}&apos; is not an INSEE commune code (five characters, e.g. 62765).</source>
        <translation>« {code} » n'est pas un code INSEE de commune (cinq caractères, par exemple 62765).</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="159"/>
        <source>The geocoder found nothing for: {queries}. Check the spelling or choose another kind of place.</source>
        <translation>Le géocodeur n'a rien trouvé pour : {queries}. Vérifiez l'orthographe ou choisissez un autre type de lieu.</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="164"/>
        <source>{n} query(ies) without an answer: {queries}.</source>
        <translation>{n} recherche(s) sans réponse : {queries}.</translation>
    </message>
    <message>
        <location filename="../processing/geocode.py" line="181"/>
        <source>{n} place(s) found (IGN Géoplateforme geocoder, BAN data, Licence Ouverte).</source>
        <translation>{n} lieu(x) trouvé(s) (géocodeur de la Géoplateforme IGN, données BAN, Licence Ouverte).</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="15"/>
        <source>Find the commune and the station of the project, then make the perimeter: a walking distance or an IGN walking isochrone around the station, the commune, a polygon you draw or the selected feature of any layer.</source>
        <translation>Trouvez la commune et la gare du projet, puis faites le périmètre : une distance à pied ou une isochrone piétonne IGN autour de la gare, la commune, un polygone que vous dessinez ou l'entité sélectionnée d'une couche.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="33"/>
        <source>Search online</source>
        <translation>Chercher en ligne</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="34"/>
        <source>Find a commune of France that is not in the list with the IGN Géoplateforme geocoder (internet needed).</source>
        <translation>Trouver une commune de France absente de la liste avec le géocodeur de la Géoplateforme IGN (connexion internet nécessaire).</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="50"/>
        <source>BD TOPO stations</source>
        <translation>Gares BD TOPO</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="51"/>
        <source>Add the passenger stations and stops of IGN&apos;s BD TOPO in and around the commune to the list (internet needed).</source>
        <translation>Ajouter à la liste les gares et arrêts voyageurs de la BD TOPO de l'IGN dans et autour de la commune (connexion internet nécessaire).</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="81"/>
        <source>Walking distance as the crow flies (offline)</source>
        <translation>Distance à pied à vol d'oiseau (hors ligne)</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="82"/>
        <source>IGN walking isochrone on the street network (online)</source>
        <translation>Isochrone piétonne IGN sur le réseau des rues (en ligne)</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="69"/>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="79"/>
        <source>Perimeter around the station</source>
        <translation>Périmètre autour de la gare</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="80"/>
        <source>A circle of the walking distance around the station (native:buffer), or the area reachable on foot on the IGN network (ville_numerique:isochrone).</source>
        <translation>Un cercle de la distance à pied autour de la gare (native:buffer), ou la zone atteignable à pied sur le réseau IGN (ville_numerique:isochrone).</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="144"/>
        <source>{name} ({code}) — IGN</source>
        <translation>{name} ({code}) — IGN</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="206"/>
        <source>{name} — {commune} (BD TOPO)</source>
        <translation>{name} — {commune} (BD TOPO)</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="238"/>
        <source>Type the name or the INSEE code of a commune first.</source>
        <translation>Tapez d'abord le nom ou le code INSEE d'une commune.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="246"/>
        <source>Looking for the commune…</source>
        <translation>Recherche de la commune…</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="263"/>
        <source>No commune of that name was found.</source>
        <translation>Aucune commune de ce nom n'a été trouvée.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="270"/>
        <source>Found: {communes}.</source>
        <translation>Trouvé : {communes}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="280"/>
        <source>Looking for stations…</source>
        <translation>Recherche des gares…</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="298"/>
        <source>{n} BD TOPO station(s) added to the list.</source>
        <translation>{n} gare(s) BD TOPO ajoutée(s) à la liste.</translation>
    </message>
    <message>
        <location filename="../ui/places.py" line="66"/>
        <source>The station {name} has no usable position.</source>
        <translation>La gare {name} n'a pas de position utilisable.</translation>
    </message>
    <message>
        <location filename="../ui/places.py" line="82"/>
        <source>The station could not be written to {path}: {error}</source>
        <translation>La gare n'a pas pu être écrite dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="85"/>
        <source>Scenario: score gained</source>
        <translation>Scénario : score gagné</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>score lower</source>
        <translation>score en baisse</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>no change</source>
        <translation>sans changement</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>+0 to 5 points</source>
        <translation>+0 à 5 points</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>+5 to 10 points</source>
        <translation>+5 à 10 points</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>+10 to 20 points</source>
        <translation>+10 à 20 points</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="135"/>
        <source>more than +20 points</source>
        <translation>plus de +20 points</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="41"/>
        <source>Fetch services, population and boundaries</source>
        <translation>Récupérer services, population et limites</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="46"/>
        <source>Only the services</source>
        <translation>Seulement les services</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="47"/>
        <source>Only the population</source>
        <translation>Seulement la population</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="119"/>
        <source>digital services</source>
        <translation>services numériques</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="120"/>
        <source>INSEE population grid</source>
        <translation>grille de population INSEE</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="121"/>
        <source>commune boundaries</source>
        <translation>limites communales</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="128"/>
        <source>{n} layer(s) added: services, population and communes of the perimeter.</source>
        <translation>{n} couche(s) ajoutée(s) : services, population et communes du périmètre.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="137"/>
        <source>Fetching the data ({step}/{total}): {what}…</source>
        <translation>Récupération des données ({step}/{total}) : {what}…</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="143"/>
        <source>Canceled: the {n} layer(s) already added are kept.</source>
        <translation>Annulé : les {n} couche(s) déjà ajoutée(s) sont conservées.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="111"/>
        <source>Inhabitants aged 65 or more</source>
        <translation>Habitants de 65 ans ou plus</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="112"/>
        <source>Inhabitants aged 80 or more</source>
        <translation>Habitants de 80 ans ou plus</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="113"/>
        <source>Poor households</source>
        <translation>Ménages pauvres</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="114"/>
        <source>People living alone</source>
        <translation>Personnes seules</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="115"/>
        <source>Single-parent families</source>
        <translation>Familles monoparentales</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="45"/>
        <source>Fragility of the population</source>
        <translation>Fragilité de la population</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="100"/>
        <source>A field already holding a fragility index from 0 to 10 (for instance the IFN spread by ville_numerique:fragility_ifn). Empty: the index is computed from the INSEE grid fields with the weights below.</source>
        <translation>Un champ qui contient déjà un indice de fragilité de 0 à 10 (par exemple l'IFN réparti par ville_numerique:fragility_ifn). Vide : l'indice est calculé à partir des champs de la grille INSEE avec les poids ci-dessous.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="50"/>
        <source>Fragility field (0–10)</source>
        <translation>Champ de fragilité (0–10)</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="112"/>
        <source>Weight of the indicator in the index; 0 leaves it out.</source>
        <translation>Poids de l'indicateur dans l'indice ; 0 l'écarte.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="231"/>
        <source>Give at least one fragility indicator a weight above 0, or choose a fragility field.</source>
        <translation>Donnez à au moins un indicateur de fragilité un poids supérieur à 0, ou choisissez un champ de fragilité.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="199"/>
        <source>The outputs &apos;{first}&apos; and &apos;{second}&apos; are the same file ({path}): give each output its own file name.</source>
        <translation>Les sorties « {first} » et « {second} » sont le même fichier ({path}) : donnez à chaque sortie son propre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="210"/>
        <source>The output &apos;{output}&apos; would overwrite the input &apos;{input}&apos; ({path}). Nothing was written: choose another file name for the output.</source>
        <translation>La sortie « {output} » écraserait l'entrée « {input} » ({path}). Rien n'a été écrit : choisissez un autre nom de fichier pour la sortie.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="215"/>
        <source>The output &apos;{output}&apos; is a folder ({path}): give a file name.</source>
        <translation>La sortie « {output} » est un dossier ({path}) : indiquez un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="257"/>
        <source>Canceled: the previous outputs were left as they were.</source>
        <translation>Annulé : les sorties précédentes sont restées telles quelles.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="357"/>
        <source>permission denied or read-only</source>
        <translation>permission refusée ou lecture seule</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="358"/>
        <source>The folder of the output &apos;{output}&apos; cannot be written ({path}: {reason}). Nothing was written: choose a folder where you may write.</source>
        <translation>Le dossier de la sortie « {output} » n'est pas accessible en écriture ({path} : {reason}). Rien n'a été écrit : choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../processing/outputs.py" line="363"/>
        <source>The output &apos;{output}&apos; exists and is read-only ({path}). Nothing was written.</source>
        <translation>La sortie « {output} » existe et est en lecture seule ({path}). Rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="119"/>
        <source>{what}: &apos;{key}&apos; is given more than once; keep one value per category.</source>
        <translation>{what} : « {key} » est donné plusieurs fois ; gardez une seule valeur par catégorie.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="222"/>
        <source>No population unit lies within {max_snap:g} m of the walking network: nothing can be routed. Check that the network covers the study area and is in the right place (CRS), or raise the maximum distance to the network.</source>
        <translation>Aucune unité de population n'est à moins de {max_snap:g} m du réseau piéton : aucun trajet n'est possible. Vérifiez que le réseau couvre la zone d'étude et qu'il est au bon endroit (SCR), ou augmentez la distance maximale au réseau.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="228"/>
        <source>No service lies within {max_snap:g} m of the walking network: nothing can be routed. Check that the network covers the services, or raise the maximum distance to the network.</source>
        <translation>Aucun service n'est à moins de {max_snap:g} m du réseau piéton : aucun trajet n'est possible. Vérifiez que le réseau couvre les services, ou augmentez la distance maximale au réseau.</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="442"/>
        <source>The population field has infinite values: correct them or leave them empty.</source>
        <translation>Le champ de population contient des valeurs infinies : corrigez-les ou laissez-les vides.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="141"/>
        <source>{what}: unknown category {names}. Use the codes {known}, or correct the spelling.</source>
        <translation>{what} : catégorie inconnue {names}. Utilisez les codes {known}, ou corrigez l'orthographe.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="155"/>
        <source>Two output fields would be named &apos;{name}&apos;: rename the category codes of the services so that they differ by more than case, accents or punctuation.</source>
        <translation>Deux champs de sortie s'appelleraient « {name} » : renommez les codes de catégorie des services pour qu'ils diffèrent autrement que par la casse, les accents ou la ponctuation.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="214"/>
        <source>The file &apos;{label}&apos; is not a summary as ville_numerique:coverage writes it: {key} of {where} is {value}, not a number. Choose the Summary (JSON) written with the coverage layer, or correct that value.</source>
        <translation>Le fichier « {label} » n'est pas une synthèse telle que l'écrit ville_numerique:coverage : {key} de {where} vaut {value}, qui n'est pas un nombre. Choisissez la synthèse (JSON) écrite avec la couche de couverture, ou corrigez cette valeur.</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="251"/>
        <source>the summary</source>
        <translation>la synthèse</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="238"/>
        <source>category &apos;{code}&apos;</source>
        <translation>la catégorie « {code} »</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="240"/>
        <source>The file &apos;{label}&apos; is not a summary as ville_numerique:coverage writes it: {where} is not a JSON object. Choose the Summary (JSON) written with the coverage layer.</source>
        <translation>Le fichier « {label} » n'est pas une synthèse telle que l'écrit ville_numerique:coverage : {where} n'est pas un objet JSON. Choisissez la synthèse (JSON) écrite avec la couche de couverture.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="379"/>
        <source>Multi-point services split into their parts: {n} more place(s).</source>
        <translation>Services multipoints séparés en leurs parties : {n} lieu(x) de plus.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="469"/>
        <source>{n} service(s) with an empty category (NULL or blank) in field &apos;{field}&apos; ignored.</source>
        <translation>{n} service(s) sans catégorie (NULL ou vide) dans le champ « {field} » ignoré(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="475"/>
        <source>{n} service(s) whose category has no letter or digit ignored.</source>
        <translation>{n} service(s) dont la catégorie n'a ni lettre ni chiffre ignoré(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="479"/>
        <source>Category codes {spellings} read as one category: {code}.</source>
        <translation>Codes de catégorie {spellings} lus comme une seule catégorie : {code}.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="495"/>
        <source>{n} population unit(s) whose &apos;{field}&apos; is not a finite number of 0 or more (infinite, NaN or negative) left out, counted as 0 inhabitants; correct them to include them. Feature id(s): {ids}.</source>
        <translation>{n} unité(s) de population dont « {field} » n'est pas un nombre fini positif ou nul (infini, NaN ou négatif) écartée(s), comptée(s) pour 0 habitant ; corrigez-les pour les inclure. Identifiant(s) d'entité : {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="513"/>
        <source>{n} population unit(s) farther than {max_snap:g} m from the walking network: no walking distance, counted as not covered.</source>
        <translation>{n} unité(s) de population à plus de {max_snap:g} m du réseau piéton : pas de distance à pied, comptée(s) comme non couverte(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="518"/>
        <source>{n} service(s) farther than {max_snap:g} m from the walking network: they cannot be reached.</source>
        <translation>{n} service(s) à plus de {max_snap:g} m du réseau piéton : inaccessible(s).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="628"/>
        <source>Walking network</source>
        <translation>Réseau piéton</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="126"/>
        <source>{n} row(s) of the IFN table have a score that is empty, not a finite number or not positive: those IRIS count as without score.</source>
        <translation>{n} ligne(s) de la table IFN ont un score vide, non fini ou non positif : ces IRIS comptent comme sans score.</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="158"/>
        <source>{n} IRIS contour(s) cannot be placed in {crs} and are left out.</source>
        <translation>{n} contour(s) d'IRIS ne peuvent pas être placés dans {crs} et sont écartés.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="62"/>
        <source>points or polygons</source>
        <translation>des points ou des polygones</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="63"/>
        <source>points</source>
        <translation>des points</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="63"/>
        <source>lines</source>
        <translation>des lignes</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="63"/>
        <source>polygons</source>
        <translation>des polygones</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="82"/>
        <source>The layer &apos;{label}&apos; holds {found}; it must hold {expected}. Choose another layer.</source>
        <translation>La couche « {label} » contient {found} ; elle doit contenir {expected}. Choisissez une autre couche.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="97"/>
        <source>The layer &apos;{label}&apos; mixes geometry types: one of its features is not made of {expected}. Keep only {expected} in it.</source>
        <translation>La couche « {label} » mélange des types de géométrie : l'une de ses entités n'est pas faite {expected}. N'y gardez que {expected}.</translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="118"/>
        <source>The layer &apos;{label}&apos; is in {source}, which cannot be converted to {target}: no coordinate transformation exists between them. Reproject the layer to a CRS of the Earth (e.g. EPSG:2154 or EPSG:4326).</source>
        <translation>La couche « {label} » est en {source}, qui ne peut pas être converti en {target} : aucune transformation de coordonnées n'existe entre eux. Reprojetez la couche dans un SCR terrestre (par ex. EPSG:2154 ou EPSG:4326).</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="81"/>
        <source>Give the category of the new services (e.g. epn).</source>
        <translation>Indiquez la catégorie des nouveaux services (par ex. epn).</translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="175"/>
        <source>Candidate sites</source>
        <translation>Sites candidats</translation>
    </message>
    <message>
        <location filename="../core/categories.py" line="42"/>
        <source>Digital mediation</source>
        <translation>Médiation numérique</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="34"/>
        <source>Digital services coverage — {name}</source>
        <translation>Couverture numérique — {name}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="35"/>
        <source>Digital coverage</source>
        <translation>Couverture numérique</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="36"/>
        <source>Who lives within walking reach of digital-inclusion services?</source>
        <translation>Qui habite à distance de marche des services d'inclusion numérique ?</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="37"/>
        <source>Report produced on {date} with {plugin} {version} (QGIS {qgis}).</source>
        <translation>Rapport produit le {date} avec {plugin} {version} (QGIS {qgis}).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="38"/>
        <source>Coverage computed on {date}.</source>
        <translation>Couverture calculée le {date}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="39"/>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="41"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="42"/>
        <source>inhabitants in the study area</source>
        <translation>habitants dans la zone étudiée</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="43"/>
        <source>mean coverage score (out of 100)</source>
        <translation>score moyen de couverture (sur 100)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="44"/>
        <source>of the inhabitants have every type of service within reach</source>
        <translation>des habitants ont tous les types de services à portée</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="45"/>
        <source>inhabitants have a score below {low} ({share})</source>
        <translation>habitants ont un score inférieur à {low} ({share})</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="46"/>
        <source>digital service places</source>
        <translation>lieux de services numériques</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="47"/>
        <source>population units (grid cells, IRIS…)</source>
        <translation>unités de population (carreaux, IRIS…)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="50"/>
        <source>Map of the coverage score</source>
        <translation>Carte du score de couverture</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="51"/>
        <source>Score of each population unit (0 = no service within reach, 100 = all of them). White background, no basemap (offline data). Coordinate reference system: {crs}.</source>
        <translation>Score de chaque unité de population (0 = aucun service à portée, 100 = tous). Fond blanc, sans fond de plan (données hors ligne). Système de coordonnées : {crs}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="54"/>
        <source>Map not available.</source>
        <translation>Carte non disponible.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="55"/>
        <source>Coverage score (0–100)</source>
        <translation>Score de couverture (0–100)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="56"/>
        <source>Digital service places</source>
        <translation>Lieux de services numériques</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="58"/>
        <source>Poorly covered areas (table number)</source>
        <translation>Secteurs peu couverts (n° du tableau)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="59"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="61"/>
        <source>Indicators by type of service</source>
        <translation>Indicateurs par type de service</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="62"/>
        <source>Type of service</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="63"/>
        <source>Walking threshold</source>
        <translation>Seuil de marche</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="64"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="65"/>
        <source>Inhabitants newly covered</source>
        <translation>Habitants nouvellement couverts</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="66"/>
        <source>Places added</source>
        <translation>Lieux ajoutés</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="67"/>
        <source>&lt;b&gt;{pop}&lt;/b&gt; inhabitants gain at least one type of service within reach.</source>
        <translation>&lt;b&gt;{pop}&lt;/b&gt; habitants gagnent au moins un type de service à portée.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="68"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="69"/>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="70"/>
        <source>Inhabitants covered</source>
        <translation>Habitants couverts</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="71"/>
        <source>Share covered</source>
        <translation>Part couverte</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="72"/>
        <source>Median distance</source>
        <translation>Distance médiane</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="73"/>
        <source>An inhabitant is &quot;covered&quot; when the nearest place of the type is within the threshold. Median distance: half of the inhabitants live closer than this distance.</source>
        <translation>Un habitant est « couvert » quand le lieu le plus proche du type est à moins du seuil. Distance médiane : la moitié des habitants vit plus près que cette distance.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="76"/>
        <source>no place</source>
        <translation>aucun lieu</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="77"/>
        <source>Population-weighted mean score</source>
        <translation>Score moyen pondéré par la population</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="79"/>
        <source>Coverage against distance</source>
        <translation>Couverture selon la distance</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="80"/>
        <source>Share of the inhabitants with a place of the type within the given distance ({method} distance). The dashed line marks the chosen threshold.</source>
        <translation>Part des habitants qui ont un lieu du type à moins de la distance donnée (distance {method}). Le trait pointillé marque le seuil retenu.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="83"/>
        <source>Curves not available: the coverage layer lacks the distance fields {fields}.</source>
        <translation>Courbes non disponibles : la couche de couverture n'a pas les champs de distance {fields}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="84"/>
        <source>distance (m)</source>
        <translation>distance (m)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="85"/>
        <source>threshold {d}</source>
        <translation>seuil {d}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="86"/>
        <source>{d}: {share}</source>
        <translation>{d} : {share}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="87"/>
        <source>Coverage curves against distance, by type of service</source>
        <translation>Courbes de couverture selon la distance, par type de service</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="89"/>
        <source>Fragile areas left uncovered</source>
        <translation>Secteurs fragiles restant à couvrir</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="90"/>
        <source>The {n} units of highest priority (field &lt;code&gt;priority&lt;/code&gt; of the layer), numbered on the map.</source>
        <translation>Les {n} unités de plus forte priorité (champ &lt;code&gt;priority&lt;/code&gt; de la couche), numérotées sur la carte.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="93"/>
        <source>The {n} most populated units among those scoring below {low}, numbered on the map. Units below {low} hold {pop} inhabitants in all.</source>
        <translation>Les {n} unités les plus peuplées parmi celles dont le score est inférieur à {low}, numérotées sur la carte. Les unités sous {low} regroupent {pop} habitants au total.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="96"/>
        <source>No unit scores below {low}: no fragile area to report.</source>
        <translation>Aucune unité n'a un score inférieur à {low} : pas de secteur fragile à signaler.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="97"/>
        <source>The coverage layer has no &lt;code&gt;score&lt;/code&gt; field: areas not ranked.</source>
        <translation>La couche de couverture n'a pas de champ &lt;code&gt;score&lt;/code&gt; : secteurs non classés.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="98"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="99"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="101"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="44"/>
        <source>Fragility (0–10)</source>
        <translation>Fragilité (0–10)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="103"/>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="104"/>
        <source>Out of reach (distance to the nearest)</source>
        <translation>Hors de portée (distance au plus proche)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="105"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="106"/>
        <source>Unit {id}</source>
        <translation>Unité {id}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="107"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="108"/>
        <source>Digital fragility: index from 0 to 10 (10 = most fragile).</source>
        <translation>Fragilité numérique : indice de 0 à 10 (10 = la plus fragile).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="110"/>
        <source>Scenario: before / after</source>
        <translation>Scénario : avant / après</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="111"/>
        <source>Scenario: {name}</source>
        <translation>Scénario : {name}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="112"/>
        <source>Effect of the scenario on coverage, type by type (pts = percentage points).</source>
        <translation>Effet du scénario sur la couverture, type par type (points = points de pourcentage).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="113"/>
        <source>Places added: {names}.</source>
        <translation>Lieux ajoutés : {names}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="114"/>
        <source>The scenario summary does not have the expected shape (&lt;code&gt;before&lt;/code&gt;/&lt;code&gt;after&lt;/code&gt; or &lt;code&gt;delta&lt;/code&gt;); its values are shown as given.</source>
        <translation>Le résumé du scénario n'a pas la forme attendue (&lt;code&gt;before&lt;/code&gt;/&lt;code&gt;after&lt;/code&gt; ou &lt;code&gt;delta&lt;/code&gt;) ; ses valeurs sont reprises telles quelles.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="117"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="118"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="119"/>
        <source>Change</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="120"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="121"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="122"/>
        <source>share covered</source>
        <translation>part couverte</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="123"/>
        <source>inhabitants covered</source>
        <translation>habitants couverts</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="124"/>
        <source>pts</source>
        <translation>pts</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="127"/>
        <source>straight-line</source>
        <translation>à vol d'oiseau</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="128"/>
        <source>walking-network</source>
        <translation>par le réseau piéton</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="129"/>
        <source>&lt;b&gt;Distance&lt;/b&gt;: for each population unit &lt;i&gt;u&lt;/i&gt; (represented by its centroid) and each type of service &lt;i&gt;c&lt;/i&gt;, d&lt;sub&gt;c&lt;/sub&gt;(u) is the {method} distance to the nearest place of that type, measured in metres in {crs}.</source>
        <translation>&lt;b&gt;Distance&lt;/b&gt; : pour chaque unité de population &lt;i&gt;u&lt;/i&gt; (représentée par son centroïde) et chaque type de service &lt;i&gt;c&lt;/i&gt;, d&lt;sub&gt;c&lt;/sub&gt;(u) est la distance {method} jusqu'au lieu le plus proche de ce type, mesurée en mètres dans {crs}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="132"/>
        <source>&lt;b&gt;Coverage&lt;/b&gt;: cov&lt;sub&gt;c&lt;/sub&gt;(u) = 1 when d&lt;sub&gt;c&lt;/sub&gt;(u) ≤ s&lt;sub&gt;c&lt;/sub&gt; (walking threshold of the type), else 0. Inhabitants covered = Σ&lt;sub&gt;u&lt;/sub&gt; P(u)·cov&lt;sub&gt;c&lt;/sub&gt;(u), share covered = inhabitants covered / Σ&lt;sub&gt;u&lt;/sub&gt; P(u), P(u) being the unit's population.</source>
        <translation>&lt;b&gt;Couverture&lt;/b&gt; : cov&lt;sub&gt;c&lt;/sub&gt;(u) = 1 si d&lt;sub&gt;c&lt;/sub&gt;(u) ≤ s&lt;sub&gt;c&lt;/sub&gt; (seuil de marche du type), sinon 0. Habitants couverts = Σ&lt;sub&gt;u&lt;/sub&gt; P(u)·cov&lt;sub&gt;c&lt;/sub&gt;(u), part couverte = habitants couverts / Σ&lt;sub&gt;u&lt;/sub&gt; P(u), P(u) étant la population de l'unité.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="135"/>
        <source>&lt;b&gt;Score&lt;/b&gt;: score(u) = 100 × Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;·cov&lt;sub&gt;c&lt;/sub&gt;(u) / Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;, from 0 (no type within reach) to 100 (all of them), w&lt;sub&gt;c&lt;/sub&gt; being the type's weight. The mean score is weighted by population.</source>
        <translation>&lt;b&gt;Score&lt;/b&gt; : score(u) = 100 × Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;·cov&lt;sub&gt;c&lt;/sub&gt;(u) / Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;, de 0 (aucun type à portée) à 100 (tous), w&lt;sub&gt;c&lt;/sub&gt; étant le poids du type. Le score moyen est pondéré par la population.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="138"/>
        <source>&lt;b&gt;Median distance&lt;/b&gt;: the distance within which half of the population lives (weighted median). &lt;b&gt;Curves&lt;/b&gt;: share of the population with d&lt;sub&gt;c&lt;/sub&gt;(u) ≤ d, for d from 0 to {dmax}.</source>
        <translation>&lt;b&gt;Distance médiane&lt;/b&gt; : distance sous laquelle vit la moitié de la population (médiane pondérée). &lt;b&gt;Courbes&lt;/b&gt; : part de la population telle que d&lt;sub&gt;c&lt;/sub&gt;(u) ≤ d, pour d de 0 à {dmax}.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="141"/>
        <source>Distance: {method} distance from the centre of each population unit to the nearest place of each type of service, in metres ({crs}).
Coverage: a unit is covered for a type when this distance is at most the type's walking threshold; the share covered is the share of the inhabitants of these units.
Score of a unit = 100 × Σ (weights of the types covered) / Σ (weights of all types): 0 = no type within reach, 100 = all of them. The mean score is weighted by population.
Median distance: half of the inhabitants live closer.</source>
        <translation>Distance : distance {method} entre le centre de chaque unité de population et le lieu le plus proche de chaque type de service, en mètres ({crs}).
Couverture : une unité est couverte pour un type quand cette distance est au plus le seuil de marche du type ; la part couverte est la part des habitants de ces unités.
Score d'une unité = 100 × Σ (poids des types couverts) / Σ (poids de tous les types) : 0 = aucun type à portée, 100 = tous. Le score moyen est pondéré par la population.
Distance médiane : la moitié des habitants vit plus près.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="144"/>
        <source>Mean coverage score: {score} / 100</source>
        <translation>Score moyen de couverture : {score} / 100</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="145"/>
        <source>&lt;b&gt;Access method&lt;/b&gt;: {method}, {decay} decay. Each type gets a sub-score s&lt;sub&gt;c&lt;/sub&gt;(u) between 0 and 1 from this measure, and score(u) = 100 × Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;·s&lt;sub&gt;c&lt;/sub&gt;(u) / Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt; (with the default method, nearest place and strict threshold, s&lt;sub&gt;c&lt;/sub&gt; = cov&lt;sub&gt;c&lt;/sub&gt;).</source>
        <translation>&lt;b&gt;Méthode d'accès&lt;/b&gt; : {method}, décroissance {decay}. Chaque type reçoit une sous-note s&lt;sub&gt;c&lt;/sub&gt;(u) entre 0 et 1 tirée de cette mesure, et score(u) = 100 × Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt;·s&lt;sub&gt;c&lt;/sub&gt;(u) / Σ&lt;sub&gt;c&lt;/sub&gt; w&lt;sub&gt;c&lt;/sub&gt; (avec la méthode par défaut, lieu le plus proche et seuil strict, s&lt;sub&gt;c&lt;/sub&gt; = cov&lt;sub&gt;c&lt;/sub&gt;).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="148"/>
        <source>Access method: {method}, {decay} decay; the score weights a 0-to-1 sub-score per type.</source>
        <translation>Méthode d'accès : {method}, décroissance {decay} ; le score pondère une sous-note de 0 à 1 par type.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="151"/>
        <source>&lt;b&gt;Fragility and priority&lt;/b&gt;: the digital fragility of each unit is an index from 0 to 10 (10 = most fragile; age, poverty, people living alone, single-parent families). Priority = fragility × (100 − score) / 10, from 0 to 100: high where fragile inhabitants are poorly served.</source>
        <translation>&lt;b&gt;Fragilité et priorité&lt;/b&gt; : la fragilité numérique de chaque unité est un indice de 0 à 10 (10 = la plus fragile ; âge, pauvreté, personnes seules, familles monoparentales). Priorité = fragilité × (100 − score) / 10, de 0 à 100 : elle est forte là où des habitants fragiles sont mal desservis.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="154"/>
        <source>nearest place</source>
        <translation>lieu le plus proche</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="155"/>
        <source>cumulative opportunities (number of places within reach)</source>
        <translation>opportunités cumulées (nombre de lieux à portée)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="156"/>
        <source>2SFCA (two-step floating catchment: supply per inhabitant served)</source>
        <translation>2SFCA (offre rapportée à la population desservie, en deux étapes)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="157"/>
        <source>E2SFCA (2SFCA with distance decay)</source>
        <translation>E2SFCA (2SFCA avec décroissance selon la distance)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="158"/>
        <source>step</source>
        <translation>en seuil strict</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="159"/>
        <source>linear</source>
        <translation>linéaire</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="161"/>
        <source>gravity</source>
        <translation>gravitaire</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="163"/>
        <source>mean digital fragility index of the inhabitants (out of 10)</source>
        <translation>indice moyen de fragilité numérique des habitants (sur 10)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="164"/>
        <source>Fragile inhabitants out of reach*</source>
        <translation>Habitants fragiles hors de portée*</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="165"/>
        <source>* Inhabitants out of reach weighted by their fragility (inhabitants × fragility / 10).</source>
        <translation>* Habitants hors de portée pondérés par leur fragilité (habitants × fragilité / 10).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="168"/>
        <source>&lt;b&gt;Limits&lt;/b&gt;: {limit_distance} Opening hours, step-free access and capacity are not taken into account; places outside the area count when they are in the services layer.</source>
        <translation>&lt;b&gt;Limites&lt;/b&gt; : {limit_distance} Les horaires d'ouverture, l'accessibilité des locaux et la capacité d'accueil ne sont pas pris en compte ; les lieux situés hors de la zone comptent s'ils figurent dans la couche des services.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="171"/>
        <source>straight-line distance underestimates the actual walk (often by 20 to 40%).</source>
        <translation>la distance à vol d'oiseau sous-estime le trajet réel à pied (souvent de 20 à 40 %).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="172"/>
        <source>the distance follows the available walking network, which may be incomplete.</source>
        <translation>la distance suit le réseau piéton disponible, qui peut être incomplet.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="174"/>
        <source>Parameters used</source>
        <translation>Paramètres utilisés</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="175"/>
        <source>Population layer</source>
        <translation>Couche de population</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="177"/>
        <source>Services layer</source>
        <translation>Couche des services</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="178"/>
        <source>Service type field</source>
        <translation>Champ des types de service</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="179"/>
        <source>Walking thresholds</source>
        <translation>Seuils de marche</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="180"/>
        <source>Weights in the score</source>
        <translation>Poids dans le score</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="181"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="182"/>
        <source>CRS of the distances</source>
        <translation>Système de coordonnées des distances</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="183"/>
        <source>Population units</source>
        <translation>Unités de population</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="184"/>
        <source>{n} units ({skipped} without geometry skipped)</source>
        <translation>{n} unités ({skipped} sans géométrie ignorées)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="185"/>
        <source>Service places</source>
        <translation>Lieux de services</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="186"/>
        <source>{n} places ({skipped} without geometry, {uncategorised} without type, skipped)</source>
        <translation>{n} lieux ({skipped} sans géométrie, {uncategorised} sans type, ignorés)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="195"/>
        <source>{file}, layer {layer}</source>
        <translation>{file}, couche {layer}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="197"/>
        <source>Data sources and licences</source>
        <translation>Sources des données et licences</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="198"/>
        <source>Data of the offline Saint-Omer sample shipped with the plugin (real extracts, detailed provenance in &lt;code&gt;resources/sample/saint_omer/PROVENANCE.md&lt;/code&gt;).</source>
        <translation>Données de l'échantillon hors ligne de Saint-Omer livré avec l'extension (extraits réels, provenance détaillée dans &lt;code&gt;resources/sample/saint_omer/PROVENANCE.md&lt;/code&gt;).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="201"/>
        <source>Open data used by Ville numérique; the vintages given are those of the sample shipped with the plugin: check those of the layers you used.</source>
        <translation>Données ouvertes utilisées par Ville numérique ; les millésimes indiqués sont ceux de l'échantillon livré avec l'extension : vérifiez ceux des couches que vous avez utilisées.</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="204"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="205"/>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="206"/>
        <source>Vintage</source>
        <translation>Millésime</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="207"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="208"/>
        <source>Attribution to show</source>
        <translation>Mention à faire figurer</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="209"/>
        <source>Map: no basemap (offline data).</source>
        <translation>Carte : aucun fond de plan (données hors ligne).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="211"/>
        <source>{plugin} {version} — free QGIS plugin (GPL v2 or later).</source>
        <translation>{plugin} {version} — extension QGIS libre (GPL v2 ou ultérieure).</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="212"/>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="213"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Population by 200 m grid cell (Filosofi, gridded data)</source>
        <translation>Population par carreau de 200 m (Filosofi, données carroyées)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Digital mediation places (Pas-de-Calais)</source>
        <translation>Lieux de médiation numérique (Pas-de-Calais)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Third places (tiers-lieux)</source>
        <translation>Tiers-lieux</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>France Tiers-Lieux, redistributed by ANCT</source>
        <translation>France Tiers-Lieux, rediffusé par l'ANCT</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Licence Ouverte 2.0 (national dataset); France Tiers-Lieux&apos;s own terms to check</source>
        <translation>Licence Ouverte 2.0 (jeu national) ; conditions de France Tiers-Lieux à vérifier</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Commune boundaries</source>
        <translation>Limites communales</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>Railway station (list of stations)</source>
        <translation>Gare (liste des gares)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>copy of August 2024</source>
        <translation>copie d'août 2024</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="230"/>
        <source>SNCF Open Data (licence of the dataset to check)</source>
        <translation>SNCF Open Data (licence du jeu à vérifier)</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="160"/>
        <source>gaussian</source>
        <translation>gaussienne</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="159"/>
        <source>These walking times are the defaults of the panel, of the algorithms&apos; dialogs and of qgis_process runs with this QGIS profile.</source>
        <translation>Ces temps de marche sont les valeurs par défaut du panneau, des fenêtres des algorithmes et des exécutions de qgis_process avec ce profil QGIS.</translation>
    </message>
    <message>
        <location filename="../core/crs.py" line="80"/>
        <source>Distances are measured in {crs} ({name}), not in the legal projection of a French territory (Lambert-93 or an overseas one): the population layer lies outside them or across several.</source>
        <translation>Les distances sont mesurées en {crs} ({name}), et non dans la projection légale d'un territoire français (Lambert-93 ou celle d'un territoire d'outre-mer) : la couche de population est en dehors de ces territoires ou à cheval sur plusieurs.</translation>
    </message>
    <message>
        <location filename="../core/encodings.py" line="186"/>
        <source>{name} has no .cpg file saying how its texts are encoded: read as {encoding} (detected). Check names with accents; add a .cpg file to make it explicit.</source>
        <translation>{name} n'a pas de fichier .cpg indiquant l'encodage de ses textes : lu en {encoding} (détecté). Vérifiez les noms accentués ; ajoutez un fichier .cpg pour le préciser.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="565"/>
        <source>cell area</source>
        <translation>surface des carreaux</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="567"/>
        <source>The cell areas must be finite and not negative.</source>
        <translation>Les surfaces des carreaux doivent être finies et non négatives.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="96"/>
        <source>Place {name} is not open: its name says so.</source>
        <translation>Le lieu {name} n'est pas ouvert : son nom l'indique.</translation>
    </message>
    <message>
        <location filename="../core/services/records.py" line="98"/>
        <source>Place {name} is not open ({field}: {value}).</source>
        <translation>Le lieu {name} n'est pas ouvert ({field} : {value}).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="205"/>
        <source>Services farther than this from the population are left out (metres)</source>
        <translation>Services écartés au-delà de cette distance de la population (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="212"/>
        <source>Far services are counted in the log and the summary; the projection is chosen from the population layer only.</source>
        <translation>Les services éloignés sont comptés dans le journal et la synthèse ; la projection est choisie d'après la seule couche de population.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="215"/>
        <source>Count itinerant stops (field itinerance = Itinérant) as services</source>
        <translation>Compter les arrêts itinérants (champ itinerance = Itinérant) comme des services</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="330"/>
        <source>Service weights read from the field &apos;{field}&apos; (a permanence hosted in a school, a bar or a room weighs less than a place).</source>
        <translation>Poids des services lus dans le champ « {field} » (une permanence hébergée dans une école, un bar ou une salle pèse moins qu'un lieu).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="354"/>
        <source>{n} itinerant stop(s) left out of the services (field itinerance).</source>
        <translation>{n} arrêt(s) itinérant(s) écarté(s) des services (champ itinerance).</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="364"/>
        <source>{n} service(s) farther than {distance:.0f} m from the population left out (a wrong position, or another territory).</source>
        <translation>{n} service(s) à plus de {distance:.0f} m de la population écarté(s) (une position erronée, ou un autre territoire).</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="231"/>
        <source>Coordinate system of these columns</source>
        <translation>Système de coordonnées de ces colonnes</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="232"/>
        <source>For projected x/y columns (e.g. EPSG:2154 for x_l93/y_l93); guessed from the values when empty.</source>
        <translation>Pour des colonnes x/y projetées (par ex. EPSG:2154 pour x_l93/y_l93) ; déduit des valeurs si vide.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="254"/>
        <source>Give the coordinate system of the columns as an EPSG code.</source>
        <translation>Indiquez le système de coordonnées des colonnes par un code EPSG.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="268"/>
        <source>No coordinates found in {name}, and no row to load as a table: the file is empty.</source>
        <translation>Aucune coordonnée trouvée dans {name}, et aucune ligne à charger comme table : le fichier est vide.</translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="330"/>
        <source>{name} has no coordinates: loaded as a table without geometry ({n} rows), to be joined to a layer.</source>
        <translation>{name} n'a pas de coordonnées : chargé comme table sans géométrie ({n} lignes), à joindre à une couche.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="171"/>
        <source>Matching distance to the ANCT France Services list (metres)</source>
        <translation>Distance de rapprochement avec la liste France Services de l'ANCT (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="179"/>
        <source>A France Services of another source is the desk of the ANCT list in the same commune, this close, with a matching name or address; one that matches none is not counted as a France Services.</source>
        <translation>Un France Services d'une autre source est le guichet de la liste de l'ANCT de la même commune, à cette distance au plus, avec un nom ou une adresse concordants ; celui qui n'en rejoint aucun n'est pas compté comme France Services.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="187"/>
        <source>Count itinerant stops (buses, mobile services) as places</source>
        <translation>Compter les arrêts itinérants (bus, services mobiles) comme des lieux</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="190"/>
        <source>By default itinerant stops are left out of the places and written to their own layer.</source>
        <translation>Par défaut, les arrêts itinérants sont écartés des lieux et écrits dans leur propre couche.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="194"/>
        <source>Keep places that are not open (planned, closed)</source>
        <translation>Garder les lieux non ouverts (en projet, fermés)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="222"/>
        <source>Itinerant stops</source>
        <translation>Arrêts itinérants</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="212"/>
        <source>What was counted (JSON)</source>
        <translation>Ce qui a été compté (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="223"/>
        <source>Records not open left out</source>
        <translation>Enregistrements non ouverts écartés</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="224"/>
        <source>Duplicate records merged</source>
        <translation>Doublons fusionnés</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="225"/>
        <source>France Services desks</source>
        <translation>Guichets France Services</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="226"/>
        <source>France Services not on the ANCT list</source>
        <translation>France Services absents de la liste de l'ANCT</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="420"/>
        <source>{n} France Services record(s) of other sources merged into the ANCT list.</source>
        <translation>{n} enregistrement(s) France Services d'autres sources fusionné(s) avec la liste de l'ANCT.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="428"/>
        <source>{name} ({commune}, {id}) is named a France Services but matches no desk of the ANCT list{nearest}: not counted as a France Services.</source>
        <translation>{name} ({commune}, {id}) porte le nom de France Services mais ne correspond à aucun guichet de la liste de l'ANCT{nearest} : non compté comme France Services.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="428"/>
        <source> (nearest: {name}, {distance:.0f} m)</source>
        <translation> (le plus proche : {name}, {distance:.0f} m)</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="446"/>
        <source>{n} itinerant stop(s) (buses, mobile services) in {communes}.</source>
        <translation>{n} arrêt(s) itinérant(s) (bus, services mobiles) à {communes}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="450"/>
        <source>They are counted as places.</source>
        <translation>Ils sont comptés comme des lieux.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_services.py" line="452"/>
        <source>They are left out of the places (own layer).</source>
        <translation>Ils sont écartés des lieux (couche à part).</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="89"/>
        <source>Empty: the first of {columns} found in the table.</source>
        <translation>Vide : la première des colonnes {columns} présente dans la table.</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="112"/>
        <source>The IFN table has none of the score columns {columns}: choose the score field.</source>
        <translation>La table IFN n'a aucune des colonnes de score {columns} : choisissez le champ du score.</translation>
    </message>
    <message>
        <location filename="../processing/fragility_ifn.py" line="114"/>
        <source>IFN score read from the column &apos;{name}&apos;.</source>
        <translation>Score IFN lu dans la colonne « {name} ».</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="80"/>
        <source>The archive {name} was refused: it would take {size} MB once extracted, more than the limit of {limit} MB (Ville numérique settings).</source>
        <translation>L'archive {name} a été refusée : une fois extraite, elle occuperait {size} Mo, plus que la limite de {limit} Mo (paramètres de Ville numérique).</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="89"/>
        <source>The archive {name} was refused: its member &apos;{member}&apos; would expand {ratio} times (to {size} MB), which is how zip bombs are made. If the file is genuine, extract it yourself and load the extracted file.</source>
        <translation>L'archive {name} a été refusée : son fichier « {member} » grossirait {ratio} fois (jusqu'à {size} Mo), comme le font les bombes zip. Si le fichier est authentique, extrayez-le vous-même et chargez le fichier extrait.</translation>
    </message>
    <message>
        <location filename="../core/archives.py" line="125"/>
        <source>The archive {name} was refused: its member &apos;{member}&apos; is larger than it declares.</source>
        <translation>L'archive {name} a été refusée : son fichier « {member} » est plus gros qu'annoncé.</translation>
    </message>
    <message>
        <location filename="../core/cache.py" line="209"/>
        <source>A damaged entry of the download cache ({folder}) was removed ({reason}): its data is downloaded again.</source>
        <translation>Une entrée endommagée du cache de téléchargement ({folder}) a été supprimée ({reason}) : ses données sont téléchargées à nouveau.</translation>
    </message>
    <message>
        <location filename="../core/cache.py" line="264"/>
        <source>The cache folder {folder} cannot be used ({error}): the data is not kept for the next runs. Choose another folder in the Ville numérique settings.</source>
        <translation>Le dossier de cache {folder} est inutilisable ({error}) : les données ne sont pas conservées pour les prochaines exécutions. Choisissez un autre dossier dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/coordinates.py" line="127"/>
        <source>invalid geometry: coordinates must be numbers</source>
        <translation>géométrie invalide : les coordonnées doivent être des nombres</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="268"/>
        <source>catalogue results</source>
        <translation>résultats du catalogue</translation>
    </message>
    <message>
        <location filename="../core/file_limits.py" line="33"/>
        <source>{name} is {size} MB, more than the {limit} MB the plugin reads in memory. Open it in QGIS (Layer &gt; Add Layer) and keep the part you need, or raise the limit in the Ville numérique settings.</source>
        <translation>{name} pèse {size} Mo, plus que les {limit} Mo que l'extension lit en mémoire. Ouvrez-le dans QGIS (Couche &gt; Ajouter une couche) et gardez-en la partie utile, ou augmentez la limite dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="346"/>
        <source>An entry of the download cache vanished while it was read (another QGIS may have cleared it): {url} is downloaded again.</source>
        <translation>Une entrée du cache de téléchargement a disparu pendant sa lecture (un autre QGIS l'a peut-être vidé) : {url} est téléchargé à nouveau.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="225"/>
        <source>The server {host} did not send its whole answer within {seconds} s (the overall limit of one request). Try again later; the limit can be raised in the Ville numérique settings.</source>
        <translation>Le serveur {host} n'a pas envoyé toute sa réponse en {seconds} s (la durée maximale d'une requête). Réessayez plus tard ; la limite peut être augmentée dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="235"/>
        <source>The file sent by {host} is larger than {limit} MB, the download limit. Check that it is the file you want; the limit can be raised in the Ville numérique settings.</source>
        <translation>Le fichier envoyé par {host} dépasse {limit} Mo, la limite de téléchargement. Vérifiez que c'est bien le fichier voulu ; la limite peut être augmentée dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http_errors.py" line="235"/>
        <source>The answer of {host} is larger than {limit} MB, the limit for one answer of a service: the server is probably misbehaving. Narrow the request, or raise the limit in the Ville numérique settings.</source>
        <translation>La réponse de {host} dépasse {limit} Mo, la limite d'une réponse de service : le serveur fonctionne probablement mal. Restreignez la requête, ou augmentez la limite dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http_limits.py" line="268"/>
        <source>The server {host} redirected the request to {target}, an address of a local or private network (or not a web address): the plugin does not follow such redirects. If the data is really there, download it yourself and load the file.</source>
        <translation>Le serveur {host} a redirigé la requête vers {target}, une adresse de réseau local ou privé (ou qui n'est pas une adresse web) : l'extension ne suit pas ces redirections. Si les données s'y trouvent vraiment, téléchargez-les vous-même et chargez le fichier.</translation>
    </message>
    <message>
        <location filename="../core/http_limits.py" line="279"/>
        <source>The server {host} redirected the request more than {count} times. Check the address {url}.</source>
        <translation>Le serveur {host} a redirigé la requête plus de {count} fois. Vérifiez l'adresse {url}.</translation>
    </message>
    <message>
        <location filename="../core/http_limits.py" line="312"/>
        <source>The server {host} sent more than {count} pages of {what}: the listing does not end. Narrow the request (smaller area, more precise search) or raise the page limit in the Ville numérique settings.</source>
        <translation>Le serveur {host} a envoyé plus de {count} pages ({what}) : la liste ne se termine pas. Restreignez la requête (zone plus petite, recherche plus précise) ou augmentez la limite de pages dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http_limits.py" line="322"/>
        <source>The server {host} sent a page of {what} with nothing new (items already received): it does not page correctly. Try again later.</source>
        <translation>Le serveur {host} a envoyé une page ({what}) sans rien de nouveau (éléments déjà reçus) : sa pagination ne fonctionne pas. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/http_limits.py" line="336"/>
        <source>The server {host} sent more than {count} {what}. Narrow the request (smaller area) or raise the limit in the Ville numérique settings.</source>
        <translation>Le serveur {host} a envoyé plus de {count} éléments ({what}). Restreignez la requête (zone plus petite) ou augmentez la limite dans les paramètres de Ville numérique.</translation>
    </message>
    <message>
        <location filename="../core/http_response.py" line="37"/>
        <source>The server {host} sent JSON nested too deeply to be read. Try again later; if it persists, the service may have changed.</source>
        <translation>Le serveur {host} a envoyé un JSON trop profondément imbriqué pour être lu. Réessayez plus tard ; si cela persiste, le service a peut-être changé.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="269"/>
        <source>features of {layer}</source>
        <translation>entités de {layer}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="366"/>
        <source>{name} is JSON nested too deeply to be read: it is not a usable GeoJSON file.</source>
        <translation>{name} est un JSON trop profondément imbriqué pour être lu : ce n'est pas un fichier GeoJSON utilisable.</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="55"/>
        <source>Longest time for one answer of a service</source>
        <translation>Durée maximale d'une réponse de service</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="56"/>
        <source>Longest time for one download</source>
        <translation>Durée maximale d'un téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="57"/>
        <source>Largest answer of a service</source>
        <translation>Taille maximale d'une réponse de service</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="58"/>
        <source>Largest downloaded file</source>
        <translation>Taille maximale d'un fichier téléchargé</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="59"/>
        <source>Largest archive once extracted</source>
        <translation>Taille maximale d'une archive extraite</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="60"/>
        <source>Largest expansion of an archive member</source>
        <translation>Expansion maximale d'un fichier d'archive</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="60"/>
        <source> times</source>
        <translation> fois</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="61"/>
        <source>Largest file read in memory</source>
        <translation>Taille maximale d'un fichier lu en mémoire</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="62"/>
        <source>Most pages of one listing</source>
        <translation>Nombre maximal de pages d'une liste</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="63"/>
        <source>Most features of one WFS layer</source>
        <translation>Nombre maximal d'entités d'une couche WFS</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="129"/>
        <source>Limits (a misbehaving server or file stops with a message)</source>
        <translation>Limites (un serveur ou un fichier défaillant s'arrête avec un message)</translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="140"/>
        <source>Environment variable: {name}</source>
        <translation>Variable d'environnement : {name}</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="94"/>
        <source>{code} is not an INSEE commune code.</source>
        <translation>{code} n'est pas un code INSEE de commune.</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="109"/>
        <source>{codes}: not a département code (such as 62, 2A or 974).</source>
        <translation>{codes} : ce n'est pas un code de département (comme 62, 2A ou 974).</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="196"/>
        <source>{name} cannot be opened: {error}</source>
        <translation>{name} ne peut pas être ouvert : {error}</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="225"/>
        <source>{name} cannot be read ({error}): the file is damaged or not a CSV file.</source>
        <translation>{name} ne peut pas être lu ({error}) : le fichier est endommagé ou n'est pas un fichier CSV.</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="234"/>
        <source>{name} is not an ARCEP {what} file: the column(s) {missing} are missing (columns found: {found}).</source>
        <translation>{name} n'est pas un fichier ARCEP ({what}) : colonne(s) {missing} manquante(s) (colonnes trouvées : {found}).</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="262"/>
        <source>{name} cannot be read past a damaged part ({error}). Download it again.</source>
        <translation>{name} ne peut pas être lu au-delà d'une partie endommagée ({error}). Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="339"/>
        <source>buildings (base_imb)</source>
        <translation>immeubles (base_imb)</translation>
    </message>
    <message>
        <location filename="../core/arcep.py" line="436"/>
        <source>eligibility</source>
        <translation>éligibilité</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="160"/>
        <source>{name} is a 7-Zip archive and no 7-Zip tool is installed. Install the package 7zip (or p7zip-full, or python3-py7zr) on Debian or Ubuntu, 7-Zip on Windows or macOS, or extract the archive yourself and give the extracted file.</source>
        <translation>{name} est une archive 7-Zip et aucun outil 7-Zip n'est installé. Installez le paquet 7zip (ou p7zip-full, ou python3-py7zr) sous Debian ou Ubuntu, 7-Zip sous Windows ou macOS, ou extrayez vous-même l'archive et donnez le fichier extrait.</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="210"/>
        <source>{name} is not a valid 7-Zip archive: {error}</source>
        <translation>{name} n'est pas une archive 7-Zip valide : {error}</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="230"/>
        <source>The archive {name} was refused: its member &apos;{member}&apos; is unsafe.</source>
        <translation>L'archive {name} a été refusée : son fichier « {member} » n'est pas sûr.</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="237"/>
        <source>The archive {name} is too large once extracted.</source>
        <translation>L'archive {name} est trop volumineuse une fois extraite.</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="240"/>
        <source>Extracting {name} needs {need:.1f} GB and the disk has {free:.1f} GB free.</source>
        <translation>Extraire {name} demande {need:.1f} Go et le disque n'a que {free:.1f} Go libres.</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="264"/>
        <source>{name} could not be extracted ({error}). The archive may be damaged: download it again.</source>
        <translation>{name} n'a pas pu être extrait ({error}). L'archive est peut-être endommagée : téléchargez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="314"/>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../core/arcep_sources.py" line="310"/>
        <source>{name} is not an ARCEP commune table: it has no column code_insee.</source>
        <translation>{name} n'est pas une table communale de l'ARCEP : il n'a pas de colonne code_insee.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="116"/>
        <source>Premises without a 30 Mbit/s line</source>
        <translation>Locaux sans ligne à 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="117"/>
        <source>No very good 4G coverage</source>
        <translation>Pas de très bonne couverture 4G</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="417"/>
        <source>The fragility indicator {name} needs the field {field} in the population layer: run ville_numerique:connectivity on it first.</source>
        <translation>L'indicateur de fragilité {name} a besoin du champ {field} dans la couche de population : lancez d'abord ville_numerique:connectivity sur cette couche.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="68"/>
        <source>The population layer cannot be placed in WGS 84: check its CRS.</source>
        <translation>La couche de population ne peut pas être placée en WGS 84 : vérifiez son SCR.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="93"/>
        <source>Broadband and mobile coverage (ARCEP)</source>
        <translation>Couverture fixe et mobile (ARCEP)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="96"/>
        <source>Population units (grid cells, IRIS… or points)</source>
        <translation>Unités de population (carreaux, IRIS… ou points)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="101"/>
        <source>Radius around points (metres)</source>
        <translation>Rayon autour des points (mètres)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="105"/>
        <source>Points only: the buildings within this distance make the unit.</source>
        <translation>Points seulement : les immeubles à cette distance forment l'unité.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>ARCEP buildings (base_imb files or addresses)</source>
        <translation>Immeubles ARCEP (fichiers base_imb ou adresses)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>base_imb_&lt;département&gt;.csv.gz files (.csv, .csv.gz or .7z) or their addresses; downloaded from data.arcep.fr for the area's départements when empty.</source>
        <translation>Fichiers base_imb_&lt;département&gt;.csv.gz (.csv, .csv.gz ou .7z) ou leurs adresses ; téléchargés depuis data.arcep.fr pour les départements de la zone si vide.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>ARCEP eligibility (files or addresses)</source>
        <translation>Éligibilité ARCEP (fichiers ou adresses)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>actuel_&lt;département&gt;.csv.gz files (.csv, .csv.gz or .7z) or their addresses; downloaded from data.arcep.fr for the area's départements when empty.</source>
        <translation>Fichiers actuel_&lt;département&gt;.csv.gz (.csv, .csv.gz ou .7z) ou leurs adresses ; téléchargés depuis data.arcep.fr pour les départements de la zone si vide.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>4G coverage of Mon réseau mobile (files or addresses, optional)</source>
        <translation>Couverture 4G de Mon réseau mobile (fichiers ou adresses, facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="107"/>
        <source>One GeoPackage (.gpkg or .gpkg.7z) per operator, 4G data. Large files: they are read once and the part covering the area is kept in the cache.</source>
        <translation>Un GeoPackage (.gpkg ou .gpkg.7z) par opérateur, données 4G. Fichiers volumineux : ils sont lus une fois et la partie couvrant la zone est gardée en cache.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="122"/>
        <source>Départements to download</source>
        <translation>Départements à télécharger</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="123"/>
        <source>e.g. 62, 59. When empty, found from the communes under the population layer.</source>
        <translation>par ex. 62, 59. Si vide, déduits des communes sous la couche de population.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="125"/>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="130"/>
        <source>Premises in the units</source>
        <translation>Locaux dans les unités</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="131"/>
        <source>Share of premises without 30 Mbit/s</source>
        <translation>Part des locaux sans 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="154"/>
        <source>Reading the buildings…</source>
        <translation>Lecture des immeubles…</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="157"/>
        <source>{kept} building(s) in the area out of {read} read.</source>
        <translation>{kept} immeuble(s) dans la zone sur {read} lu(s).</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="162"/>
        <source>{n} building(s) without a number of premises (imb_nbr_logloc) counted as 0.</source>
        <translation>{n} immeuble(s) sans nombre de locaux (imb_nbr_logloc) compté(s) pour 0.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="166"/>
        <source>Reading the eligibility rows (one per building, operator and technology)…</source>
        <translation>Lecture des lignes d'éligibilité (une par immeuble, opérateur et technologie)…</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="170"/>
        <source>{rows} eligibility row(s) read, {matched} for the buildings of the area.</source>
        <translation>{rows} ligne(s) d'éligibilité lue(s), dont {matched} pour les immeubles de la zone.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="175"/>
        <source>Unknown speed classes, counted as no speed: {classes}.</source>
        <translation>Classes de débit inconnues, comptées comme sans débit : {classes}.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="178"/>
        <source>No ARCEP building lies under the population layer: check that the files are those of its département(s).</source>
        <translation>Aucun immeuble ARCEP ne se trouve sous la couche de population : vérifiez que les fichiers sont ceux de son ou ses départements.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="202"/>
        <source>{premises} premises; {share:.1%} without a line at 30 Mbit/s or more (satellite not counted).</source>
        <translation>{premises} locaux ; {share:.1%} sans ligne à 30 Mbit/s ou plus (satellite non compté).</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="213"/>
        <source>Finding the départements of the area from the IGN commune layer…</source>
        <translation>Recherche des départements de la zone dans la couche des communes de l'IGN…</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="218"/>
        <source>No commune found under the population layer: give the départements (e.g. 62) or the ARCEP files.</source>
        <translation>Aucune commune trouvée sous la couche de population : indiquez les départements (par ex. 62) ou les fichiers de l'ARCEP.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="220"/>
        <source>Départements: {deps}.</source>
        <translation>Départements : {deps}.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="263"/>
        <source>No population unit has a usable geometry.</source>
        <translation>Aucune unité de population n'a de géométrie utilisable.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="320"/>
        <source>Downloading {url} once (a large file): its part covering the area is then kept in the cache.</source>
        <translation>Téléchargement unique de {url} (un gros fichier) : la partie couvrant la zone est ensuite gardée en cache.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="328"/>
        <source>{name}: the part covering the area is taken from the cache.</source>
        <translation>{name} : la partie couvrant la zone est reprise du cache.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="331"/>
        <source>{name}: features left out (not 4G data): {details}.</source>
        <translation>{name} : entités écartées (pas des données 4G) : {details}.</translation>
    </message>
    <message>
        <location filename="../processing/connectivity.py" line="335"/>
        <source>{name} has no 4G data coverage in the area.</source>
        <translation>{name} n'a pas de couverture 4G de données dans la zone.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="59"/>
        <source>Fetch the broadband table of the communes (ARCEP)</source>
        <translation>Récupérer la table du haut débit des communes (ARCEP)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="62"/>
        <source>INSEE commune codes</source>
        <translation>Codes INSEE des communes</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="65"/>
        <source>Départements</source>
        <translation>Départements</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="66"/>
        <source>e.g. 62, 59: every commune of these départements.</source>
        <translation>par ex. 62, 59 : toutes les communes de ces départements.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="68"/>
        <source>Commune polygons (optional)</source>
        <translation>Polygones des communes (facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="71"/>
        <source>When given, the table is joined to these polygons, on their INSEE code.</source>
        <translation>S'ils sont donnés, la table est jointe à ces polygones, par leur code INSEE.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="73"/>
        <source>INSEE code field of the polygons</source>
        <translation>Champ du code INSEE des polygones</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="76"/>
        <source>ARCEP commune statistics (files or addresses)</source>
        <translation>Statistiques communales de l'ARCEP (fichiers ou adresses)</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="79"/>
        <source>commune_meilleure_techno_thd.csv, commune_debit_filaire.csv and commune_techno.csv; downloaded from data.arcep.fr when empty.</source>
        <translation>commune_meilleure_techno_thd.csv, commune_debit_filaire.csv et commune_techno.csv ; téléchargés depuis data.arcep.fr si vide.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="82"/>
        <source>Broadband by commune</source>
        <translation>Haut débit par commune</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="83"/>
        <source>Number of communes</source>
        <translation>Nombre de communes</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="95"/>
        <source>The commune layer has no field &apos;{name}&apos;. Available fields: {fields}.</source>
        <translation>La couche des communes n'a pas de champ « {name} ». Champs disponibles : {fields}.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="101"/>
        <source>Give the communes: INSEE codes, départements or a commune layer.</source>
        <translation>Indiquez les communes : codes INSEE, départements ou couche de communes.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="107"/>
        <source>{file}: edition of {date}.</source>
        <translation>{file} : édition du {date}.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="109"/>
        <source>The ARCEP commune tables have no row for these communes.</source>
        <translation>Les tables communales de l'ARCEP n'ont aucune ligne pour ces communes.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="139"/>
        <source>No ARCEP row for the commune(s) {codes}.</source>
        <translation>Aucune ligne ARCEP pour la ou les communes {codes}.</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="140"/>
        <source>{n} commune(s) written.</source>
        <translation>{n} commune(s) écrite(s).</translation>
    </message>
    <message>
        <location filename="../processing/infrastructure.py" line="150"/>
        <source>{file} is not one of the ARCEP commune tables used ({names}).</source>
        <translation>{file} n'est pas une des tables communales de l'ARCEP utilisées ({names}).</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="87"/>
        <source>Premises without 30 Mbit/s (ARCEP)</source>
        <translation>Locaux sans 30 Mbit/s (ARCEP)</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="147"/>
        <source>under 5 % of premises without 30 Mbit/s</source>
        <translation>moins de 5 % des locaux sans 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="147"/>
        <source>5 to 20 %</source>
        <translation>5 à 20 %</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="147"/>
        <source>20 to 50 %</source>
        <translation>20 à 50 %</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="147"/>
        <source>50 % or more</source>
        <translation>50 % ou plus</translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="215"/>
        <source>{category}: {share} of the population within {threshold} m ({n} service(s)).</source>
        <translation>{category} : {share} de la population à moins de {threshold} m ({n} service(s)).</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="111"/>
        <source>{category}: {pop} inhabitant(s) newly within reach.</source>
        <translation>{category} : {pop} habitant(s) nouvellement à portée.</translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="117"/>
        <source>Mean score: {before} → {after} ({change} point(s)).</source>
        <translation>Score moyen : {before} → {after} ({change} point(s)).</translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="102"/>
        <source>Other or uncategorised place</source>
        <translation>Autre lieu ou lieu sans catégorie</translation>
    </message>
    <message>
        <location filename="../ui/follow_ups.py" line="105"/>
        <source>Scenario: mean score {before} → {after} ({change} points)</source>
        <translation>Scénario : score moyen {before} → {after} ({change} points)</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="20"/>
        <source>Categories of services to fetch</source>
        <translation>Catégories de services à récupérer</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="26"/>
        <source>Only for the open-data buttons below: the analysis measures every category found in the services layer.</source>
        <translation>Seulement pour les boutons de données ouvertes ci-dessous : l'analyse mesure toutes les catégories présentes dans la couche des services.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="146"/>
        <source>[A GeoPackage in the project&apos;s folder, {folder}/]</source>
        <translation>[Un GeoPackage dans le dossier du projet, {folder}/]</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="148"/>
        <source>[Temporary layer: save the project first to keep the results]</source>
        <translation>[Couche temporaire : enregistrez d'abord le projet pour garder les résultats]</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.py" line="134"/>
        <source>Category of the new services “Recommend sites” looks for. Proposed: the category whose uncovered inhabitants (weighted by their fragility) weigh most in the score.</source>
        <translation>Catégorie des nouveaux services que cherche « Recommander des sites ». Proposée : la catégorie dont les habitants non couverts (pondérés par leur fragilité) pèsent le plus dans le score.</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="33"/>
        <source>New sites for</source>
        <translation>Nouveaux sites pour</translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="191"/>
        <source>Run an analysis first (3. Analysis).</source>
        <translation>Lancez d'abord une analyse (3. Analyse).</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="139"/>
        <source>No perimeter (1. Territory): the whole population layer is analysed.</source>
        <translation>Pas de périmètre (1. Territoire) : toute la couche de population est analysée.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="141"/>
        <source>Only the population inside the perimeter “{name}”</source>
        <translation>Seulement la population dans le périmètre « {name} »</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="334"/>
        <source>{minutes} min walk (IGN isochrone) around {station}</source>
        <translation>{minutes} min à pied (isochrone IGN) autour de {station}</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="338"/>
        <source>{minutes} min walk around {station}</source>
        <translation>{minutes} min à pied autour de {station}</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="347"/>
        <source>Commune of {name}</source>
        <translation>Commune de {name}</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="368"/>
        <source>Selection of {layer}</source>
        <translation>Sélection de {layer}</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.py" line="411"/>
        <source>Drawn perimeter</source>
        <translation>Périmètre dessiné</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.py" line="346"/>
        <source>It is a temporary layer, lost when QGIS closes: save the project to have the next results written in its folder.</source>
        <translation>C'est une couche temporaire, perdue à la fermeture de QGIS : enregistrez le projet pour que les prochains résultats soient écrits dans son dossier.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="455"/>
        <source>GDAL cannot read {name} past feature {n}: {error}</source>
        <translation>GDAL ne peut pas lire {name} au-delà de l'entité {n} : {error}</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="189"/>
        <source>Services not counted as places</source>
        <translation>Services non comptés comme lieux</translation>
    </message>
    <message>
        <location filename="../core/report/texts.py" line="190"/>
        <source>{itinerant} itinerant stop(s) (buses, mobile services), {far} service(s) too far from the population</source>
        <translation>{itinerant} arrêt(s) itinérant(s) (bus, services mobiles), {far} service(s) trop loin de la population</translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="114"/>
        <source>The output layer could not be written: {error}</source>
        <translation>La couche de sortie n'a pas pu être écrite : {error}</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="101"/>
        <source>{what}: &apos;{value}&apos; is not a distance or a walking time (in &apos;{item}&apos;): write metres or minutes, e.g. epn=1000, epn=1000m or epn=15min.</source>
        <translation>{what} : « {value} » n'est ni une distance ni un temps de marche (dans « {item} ») : écrivez des mètres ou des minutes, par exemple epn=1000, epn=1000m ou epn=15min.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="289"/>
        <source>Fragility weights: {names} given twice (in French and in English); keep one.</source>
        <translation>Poids de fragilité : {names} donné deux fois (en français et en anglais) ; n'en gardez qu'un.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="85"/>
        <source>Canceled: nothing was written.</source>
        <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="222"/>
        <source>Walking thresholds per category (minutes or metres)</source>
        <translation>Seuils de marche par catégorie (minutes ou mètres)</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="227"/>
        <source>category=time or distance separated by ;, e.g. epn=15min;wifi=300 (a number alone is in metres; {speed:g} km/h walking speed) — categories not listed keep their default.</source>
        <translation>catégorie=temps ou distance séparés par ;, par exemple epn=15min;wifi=300 (un nombre seul est en mètres ; marche à {speed:g} km/h) — les catégories absentes gardent leur valeur par défaut.</translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="277"/>
        <source>indicator=weight separated by ;, keys in English or in French: {keys}.</source>
        <translation>indicateur=poids séparés par ;, clés en français ou en anglais : {keys}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="55"/>
        <source>The ARCEP table of fixed broadband (fibre, speeds) of the communes of the perimeter, on their boundaries (ville_numerique:fetch_infrastructure, internet needed).</source>
        <translation>La table ARCEP du haut débit fixe (fibre, débits) des communes du périmètre, sur leurs contours (ville_numerique:fetch_infrastructure, connexion internet nécessaire).</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="193"/>
        <source>Broadband of {n} commune(s) added: {layer}.</source>
        <translation>Haut débit de {n} commune(s) ajouté : {layer}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.py" line="197"/>
        <source>Fetching the broadband table (ARCEP)…</source>
        <translation>Récupération de la table du haut débit (ARCEP)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.py" line="90"/>
        <source>Analysis loaded. Layers: {layers}. Categories: {categories}.</source>
        <translation>Analyse chargée. Couches : {layers}. Catégories : {categories}.</translation>
    </message>
    <message>
        <location filename="../ui/pages/analysis.ui" line="57"/>
        <source>Method and output</source>
        <translation>Méthode et sortie</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="40"/>
        <source>Fetch all</source>
        <translation>Tout récupérer</translation>
    </message>
    <message>
        <location filename="../ui/pages/data.ui" line="50"/>
        <source>Broadband (ARCEP)</source>
        <translation>Haut débit (ARCEP)</translation>
    </message>
    <message>
        <location filename="../ui/pages/presets.ui" line="23"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="41"/>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <location filename="../ui/pages/results.ui" line="42"/>
        <source>Share of the population within each walking distance of a service of this kind (the chart of the report).</source>
        <translation>Part de la population à chaque distance de marche d'un service de ce type (le graphique du rapport).</translation>
    </message>
    <message>
        <location filename="../ui/pages/territory.ui" line="14"/>
        <source>Choose the commune and the station, then make the perimeter of the study.</source>
        <translation>Choisissez la commune et la gare, puis créez le périmètre de l'étude.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="38"/>
        <source>Infrastructures</source>
        <translation>Infrastructures</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="39"/>
        <source>Fixed broadband and 4G coverage from ARCEP&apos;s open data: a premise (dwelling or business premises) counts as &quot;without very-high speed&quot; when no technology other than satellite gives it 30 Mbit/s or more.</source>
        <translation>Haut débit fixe et couverture 4G d&apos;après les données ouvertes de l&apos;ARCEP : un local (logement ou local professionnel) compte « sans très haut débit » quand aucune technologie autre que le satellite ne lui donne 30 Mbit/s ou plus.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="42"/>
        <source>premises (dwellings and business premises)</source>
        <translation>locaux (logements et locaux professionnels)</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="43"/>
        <source>of the premises without 30 Mbit/s (satellite not counted)</source>
        <translation>des locaux sans 30 Mbit/s (satellite non compté)</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="44"/>
        <source>of the premises in a building connectable to fibre</source>
        <translation>des locaux dans un immeuble raccordable à la fibre</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="45"/>
        <source>of the premises below 8 Mbit/s (satellite not counted)</source>
        <translation>des locaux sous 8 Mbit/s (satellite non compté)</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="46"/>
        <source>units where no operator gives very good 4G coverage</source>
        <translation>unités où aucun opérateur n&apos;offre une très bonne couverture 4G</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="47"/>
        <source>Map of the share of premises without 30 Mbit/s</source>
        <translation>Carte de la part des locaux sans 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="48"/>
        <source>Share of the premises of each unit without a line at 30 Mbit/s or more (satellite not counted). Grey: no premises. Classes of the QGIS connectivity style.</source>
        <translation>Part des locaux de chaque unité sans ligne à 30 Mbit/s ou plus (satellite non compté). Gris : aucun local. Classes du style de connectivité de QGIS.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="51"/>
        <source>Premises without 30 Mbit/s</source>
        <translation>Locaux sans 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="52"/>
        <source>no premises</source>
        <translation>aucun local</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="55"/>
        <source>Premises</source>
        <translation>Locaux</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="56"/>
        <source>Fibre</source>
        <translation>Fibre</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="69"/>
        <source>Cable</source>
        <translation>Câble</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="70"/>
        <source>Copper (DSL)</source>
        <translation>Cuivre (DSL)</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="59"/>
        <source>Radio, 4G</source>
        <translation>Radio, 4G</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="60"/>
        <source>Satellite only</source>
        <translation>Satellite seul</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="61"/>
        <source>Wired ≥ 30 Mbit/s</source>
        <translation>Filaire ≥ 30 Mbit/s</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="62"/>
        <source>Wired ≥ 1 Gbit/s</source>
        <translation>Filaire ≥ 1 Gbit/s</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="63"/>
        <source>Shares of the commune's premises. Fibre … Satellite only: each premise under its best technology (these columns add up to 100 %). Wired: fibre, cable or copper lines at the given speed.</source>
        <translation>Parts des locaux de la commune. De Fibre à Satellite seul : chaque local sous sa meilleure technologie (ces colonnes font 100 %). Filaire : lignes fibre, câble ou cuivre au débit indiqué.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="66"/>
        <source>Operators</source>
        <translation>Opérateurs</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="67"/>
        <source>{techno}: {operators}.</source>
        <translation>{techno} : {operators}.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="68"/>
        <source>Fibre (FttH)</source>
        <translation>Fibre (FttH)</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="71"/>
        <source>Fixed 4G</source>
        <translation>4G fixe</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="72"/>
        <source>Very-high-speed fixed radio</source>
        <translation>Radio fixe très haut débit</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="73"/>
        <source>High-speed fixed radio</source>
        <translation>Radio fixe haut débit</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="74"/>
        <source>Satellite</source>
        <translation>Satellite</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="75"/>
        <source>file of {date}</source>
        <translation>fichier du {date}</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="76"/>
        <source>4G (Mon réseau mobile): {operators}; on average {tbc} operator(s) with very good coverage per unit.</source>
        <translation>4G (Mon réseau mobile) : {operators} ; en moyenne {tbc} opérateur(s) en très bonne couverture par unité.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="77"/>
        <source>No 4G coverage file was given: mobile coverage is not reported.</source>
        <translation>Aucun fichier de couverture 4G n&apos;a été donné : la couverture mobile n&apos;est pas présentée.</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="78"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="80"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="81"/>
        <source>Edition</source>
        <translation>Édition</translation>
    </message>
    <message>
        <location filename="../core/report/infrastructure.py" line="83"/>
        <source>Files of the Saint-Omer sample: constructed to the ARCEP format for the demonstration, not real ARCEP data.</source>
        <translation>Fichiers de l&apos;échantillon de Saint-Omer : construits au format ARCEP pour la démonstration, pas des données réelles de l&apos;ARCEP.</translation>
    </message>
    <message>
        <location filename="../processing/main_thread.py" line="86"/>
        <source>QGIS did not answer within {seconds} s (its main thread is busy): run the algorithm again.</source>
        <translation>QGIS n&apos;a pas répondu en {seconds} s (son fil principal est occupé) : relancez l&apos;algorithme.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="123"/>
        <source>Connectivity layer (ARCEP, optional)</source>
        <translation>Couche de connectivité (ARCEP, facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="127"/>
        <source>Optional: the output of ville_numerique:connectivity (share_no_thd…), mapped in the Infrastructures section. Not needed when the coverage layer already has these fields.</source>
        <translation>Facultatif : la sortie de ville_numerique:connectivity (share_no_thd…), cartographiée dans la section Infrastructures. Inutile si la couche de couverture porte déjà ces champs.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="130"/>
        <source>Connectivity summary (JSON, optional)</source>
        <translation>Synthèse de la connectivité (JSON, facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="133"/>
        <source>Optional: the Summary (JSON) of ville_numerique:connectivity: premises, shares over the area, operators, ARCEP editions and licences.</source>
        <translation>Facultatif : la synthèse (JSON) de ville_numerique:connectivity : locaux, parts sur la zone, opérateurs, éditions et licences ARCEP.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="136"/>
        <source>Broadband by commune (optional)</source>
        <translation>Haut débit par commune (facultatif)</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="140"/>
        <source>Optional: the output of ville_numerique:fetch_infrastructure, shown as the commune table of the Infrastructures section.</source>
        <translation>Facultatif : la sortie de ville_numerique:fetch_infrastructure, montrée en tableau des communes de la section Infrastructures.</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="243"/>
        <source>Connectivity summary</source>
        <translation>Synthèse de la connectivité</translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="249"/>
        <source>Infrastructures: drawing the map of premises without 30 Mbit/s…</source>
        <translation>Infrastructures : dessin de la carte des locaux sans 30 Mbit/s…</translation>
    </message>
    <message>
        <location filename="../processing/report_map.py" line="108"/>
        <source>The connectivity style cannot be read ({path}): {error}</source>
        <translation>Le style de connectivité est illisible ({path}) : {error}</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="172"/>
        <source>The connectivity layer has no field {name}: choose the output of ville_numerique:connectivity.</source>
        <translation>La couche de connectivité n&apos;a pas de champ {name} : choisissez la sortie de ville_numerique:connectivity.</translation>
    </message>
    <message>
        <location filename="../processing/report_read.py" line="189"/>
        <source>The commune table has no field code_insee: choose the output of ville_numerique:fetch_infrastructure.</source>
        <translation>La table des communes n&apos;a pas de champ code_insee : choisissez la sortie de ville_numerique:fetch_infrastructure.</translation>
    </message>
</context>
</TS>
