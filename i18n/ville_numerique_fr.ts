<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="60"/>
        <source>&amp;Ville numérique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="61"/>
        <source>Ville numérique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="79"/>
        <source>The coordinates of {name} are not numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="85"/>
        <source>The coordinates of {name} must be pairs of x and y in metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="92"/>
        <source>{count} of the {name} have no valid coordinates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="110"/>
        <source>The {name} are not numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="114"/>
        <source>Expected {expected} {name}, got {got}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="120"/>
        <source>Some {name} are missing or not finite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="124"/>
        <source>The {name} cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="132"/>
        <source>The {name} must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="134"/>
        <source>The {name} must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="171"/>
        <source>The cost pairs must be three arrays of the same length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="174"/>
        <source>A cost pair refers to a population point that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="176"/>
        <source>A cost pair refers to a service that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="178"/>
        <source>The costs must be finite and not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="340"/>
        <source>Unknown distance decay {name}: use one of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="348"/>
        <source>The weighted zones need a table of distance limits and weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="355"/>
        <source>The weighted zones need positive distance limits and weights of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="359"/>
        <source>The threshold of weighted zones must be their last distance limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="369"/>
        <source>A distance threshold is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="370"/>
        <source>distance threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="376"/>
        <source>A linear decay needs a finite threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="383"/>
        <source>A gaussian decay needs sigma or a finite threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="385"/>
        <source>gaussian width (sigma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="396"/>
        <source>The gravity exponent (beta) must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="398"/>
        <source>The gravity exponent (beta) must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="402"/>
        <source>A gravity decay needs a minimum distance or a finite threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="404"/>
        <source>minimum distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="406"/>
        <source>gravity scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="417"/>
        <source>Unknown decay parameter(s): {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="431"/>
        <source>The distance decay is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="259"/>
        <source>population points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="603"/>
        <source>services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="454"/>
        <source>maximum distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="456"/>
        <source>The maximum distance must be finite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="595"/>
        <source>service weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="594"/>
        <source>population weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="596"/>
        <source>population unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/access.py" line="625"/>
        <source>The enhanced 2SFCA needs a distance decay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="103"/>
        <source>{what}: cannot read &apos;{item}&apos;, expected category=value (e.g. epn=1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="111"/>
        <source>{what}: &apos;{value}&apos; is not a number (in &apos;{item}&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="117"/>
        <source>{what}: the value of &apos;{key}&apos; must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="358"/>
        <source>Population values and points differ in number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="360"/>
        <source>Service categories and points differ in number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="362"/>
        <source>The population field has negative values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="380"/>
        <source>No service category to evaluate: the services have no category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="435"/>
        <source>The category weights sum to zero: give at least one positive weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="291"/>
        <source>a dataset</source>
        <translation>un jeu de données</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="311"/>
        <source>No national dataset of lieux de médiation numérique was found on {host} among the {count} datasets using the schema {schema}. The catalogue may have changed: load a downloaded file instead.</source>
        <translation>Aucun jeu de données national de lieux de médiation numérique n’a été trouvé sur {host} parmi les {count} jeux utilisant le schéma {schema}. Le catalogue a peut-être changé : chargez plutôt un fichier téléchargé.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="363"/>
        <source>The dataset &quot;{title}&quot; has no CSV file at the moment. Try again later or load a file.</source>
        <translation>Le jeu de données « {title} » n’a pas de fichier CSV pour le moment. Réessayez plus tard ou chargez un fichier.</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="250"/>
        <source>a list page</source>
        <translation>une page de liste</translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="423"/>
        <source>The server {host} did not answer with {what} as expected. The API may have changed.</source>
        <translation>Le serveur {host} n’a pas répondu avec {what} comme prévu. L’API a peut-être changé.</translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="157"/>
        <source>The field {name} is not numeric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="160"/>
        <source>The field {name} does not have one value per unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="170"/>
        <source>The population grid lacks the field(s) {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="181"/>
        <source>The field {name} has negative values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="212"/>
        <source>The fragility weights must be numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="316"/>
        <source>Unknown fragility indicator(s) {names}: use {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="221"/>
        <source>The fragility weights must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="223"/>
        <source>At least one fragility weight must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="238"/>
        <source>Unknown fragility method {name}: use one of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="247"/>
        <source>No values for the fragility indicator(s) {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="298"/>
        <source>The fragility reference must be national, area or a table of shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="302"/>
        <source>The area reference needs the population counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="313"/>
        <source>The reference shares must be numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="322"/>
        <source>The reference shares must be between 0 (excluded) and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="408"/>
        <source>overlap area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="411"/>
        <source>The overlap arrays must have the same length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="413"/>
        <source>An overlap refers to a cell that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="415"/>
        <source>The overlap areas must be finite and not negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="416"/>
        <source>zone values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/fragility.py" line="418"/>
        <source>The zone table must have one value per code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="128"/>
        <source>Unexpected character {char!r} in the opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="181"/>
        <source>The opening hours end too early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="182"/>
        <source>Unexpected {text!r} in the opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="319"/>
        <source>Invalid weekday number in the opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="335"/>
        <source>Open-ended opening hours cannot be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="337"/>
        <source>A time in the opening hours is not part of a range (from-to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="346"/>
        <source>Open-ended or repeated times cannot be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="361"/>
        <source>Invalid time {time} in the opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="559"/>
        <source>No opening hours given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="427"/>
        <source>Opening hours {text!r} could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="434"/>
        <source>Opening hours {text!r} give no regular weekly hours (only holidays, exceptions or comments).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="551"/>
        <source>The hours {text!r} of {field} could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="596"/>
        <source>Unknown hours can be replaced by the median or by a number, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/hours.py" line="602"/>
        <source>The hours given for unknown opening hours must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="83"/>
        <source>The operation was canceled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="128"/>
        <source>The server {host} received too many requests (HTTP 429{detail}). Wait {seconds} s and try again.</source>
        <translation>Le serveur {host} a reçu trop de requêtes (HTTP 429{detail}). Patientez {seconds} s puis réessayez.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="133"/>
        <source>The server {host} has no resource at {url} (HTTP {status}{detail}). Check the address or the identifier: the data may have moved or been deleted.</source>
        <translation>Le serveur {host} n’a pas de ressource à l’adresse {url} (HTTP {status}{detail}). Vérifiez l’adresse ou l’identifiant : les données ont pu être déplacées ou supprimées.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="138"/>
        <source>Your proxy asks for a user name and a password (HTTP 407, server {host}). Enter them in QGIS: Settings &gt; Options &gt; Network.</source>
        <translation>Votre proxy demande un nom d’utilisateur et un mot de passe (HTTP 407, serveur {host}). Saisissez-les dans QGIS : Préférences &gt; Options &gt; Réseau.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="143"/>
        <source>The server {host} refused access (HTTP {status}{detail}). The data may be restricted, or a proxy may block it: check the network settings of QGIS.</source>
        <translation>Le serveur {host} a refusé l’accès (HTTP {status}{detail}). Les données sont peut-être restreintes, ou un proxy les bloque : vérifiez les paramètres réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="148"/>
        <source>The server {host} rejected the request (HTTP {status}{detail}). Check the parameters of {url}.</source>
        <translation>Le serveur {host} a rejeté la requête (HTTP {status}{detail}). Vérifiez les paramètres de {url}.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="152"/>
        <source>The server {host} has a problem (HTTP {status}{detail}). Try again later.</source>
        <translation>Le serveur {host} rencontre un problème (HTTP {status}{detail}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="198"/>
        <source>The proxy could not forward the request to {host}. Check the proxy settings of QGIS (Settings &gt; Options &gt; Network).</source>
        <translation>Le proxy n’a pas pu transmettre la requête à {host}. Vérifiez les paramètres de proxy de QGIS (Préférences &gt; Options &gt; Réseau).</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="206"/>
        <source>The secure connection to {host} failed (certificate or TLS problem). If your organisation filters HTTPS, ask its IT department for its certificate.</source>
        <translation>La connexion sécurisée à {host} a échoué (problème de certificat ou de TLS). Si votre organisation filtre le HTTPS, demandez son certificat à votre service informatique.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="215"/>
        <source>The server {host} did not answer within {seconds} s. Check your connection or try again later; the time-out can be raised in the settings.</source>
        <translation>Le serveur {host} n’a pas répondu en {seconds} s. Vérifiez votre connexion ou réessayez plus tard ; le délai d’attente peut être augmenté dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="223"/>
        <source>The connection to {host} was cut during the transfer. Try again.</source>
        <translation>La connexion à {host} a été coupée pendant le transfert. Réessayez.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="227"/>
        <source>Cannot reach the server {host}. Check your internet connection and the proxy settings of QGIS, or turn on offline mode to use the data already downloaded.</source>
        <translation>Impossible de joindre le serveur {host}. Vérifiez votre connexion internet et les paramètres de proxy de QGIS, ou activez le mode hors ligne pour utiliser les données déjà téléchargées.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="234"/>
        <source>The request to {host} could not be sent ({error}). Check the address {url}.</source>
        <translation>La requête vers {host} n’a pas pu être envoyée ({error}). Vérifiez l’adresse {url}.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="545"/>
        <source>The server {host} sent an answer that is not valid JSON ({error}). Try again later; if it persists, the service may have changed.</source>
        <translation>Le serveur {host} a renvoyé une réponse qui n’est pas du JSON valide ({error}). Réessayez plus tard ; si cela persiste, le service a peut-être changé.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="593"/>
        <source>The server {host} answered with {received} instead of {expected}: probably an error or login page (proxy, captive portal). Check the address and the network settings of QGIS.</source>
        <translation>Le serveur {host} a répondu avec {received} au lieu de {expected} : probablement une page d’erreur ou de connexion (proxy, portail captif). Vérifiez l’adresse et les paramètres réseau de QGIS.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="593"/>
        <source>a data file</source>
        <translation>un fichier de données</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="796"/>
        <source>Offline mode is on and {url} is not in the cache. Turn offline mode off in the Ville numérique settings (or unset VILLE_NUMERIQUE_OFFLINE) and run again once connected.</source>
        <translation>Le mode hors ligne est activé et {url} n’est pas dans le cache. Désactivez le mode hors ligne dans les paramètres de Ville numérique (ou retirez VILLE_NUMERIQUE_OFFLINE) et relancez une fois connecté.</translation>
    </message>
    <message>
        <location filename="../core/http.py" line="898"/>
        <source>The download of {url} stopped after {done} of {total} bytes. Try again.</source>
        <translation>Le téléchargement de {url} s’est arrêté après {done} octets sur {total}. Réessayez.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="320"/>
        <source>The WFS of {host} did not return features for {layer}{detail}.</source>
        <translation>Le WFS de {host} n’a pas renvoyé d’objets pour {layer}{detail}.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="357"/>
        <source>The geocoder of {host} did not return results.</source>
        <translation>Le géocodeur de {host} n’a pas renvoyé de résultats.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="413"/>
        <source>The isochrone service of {host} answered: {message}</source>
        <translation>Le service d’isochrones de {host} a répondu : {message}</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="421"/>
        <source>The isochrone service of {host} did not return a polygon.</source>
        <translation>Le service d’isochrones de {host} n’a pas renvoyé de polygone.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="443"/>
        <source>The WFS of {host} returned the same page twice: it does not honour STARTINDEX.</source>
        <translation>Le WFS de {host} a renvoyé deux fois la même page : il ne respecte pas STARTINDEX.</translation>
    </message>
    <message>
        <location filename="../core/ign.py" line="457"/>
        <source>No walking network was found near the point {lon}, {lat}: it is probably too far from a street or path of the IGN network, or outside France. Move the point onto a street and try again.</source>
        <translation>Aucun réseau piéton n’a été trouvé près du point {lon}, {lat} : il est sans doute trop loin d’une rue ou d’un chemin du réseau de l’IGN, ou hors de France. Placez le point sur une rue et réessayez.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="121"/>
        <source>{source}: {read} records read, {kept} kept, {rejected} rejected.</source>
        <translation>{source} : {read} enregistrements lus, {kept} conservés, {rejected} rejetés.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="124"/>
        <source>line {row}: {reason}</source>
        <translation>ligne {row} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="124"/>
        <source>feature {row}: {reason}</source>
        <translation>objet {row} : {reason}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="154"/>
        <source>&apos;{value}&apos; is not a number (column {column})</source>
        <translation>« {value} » n’est pas un nombre (colonne {column})</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="161"/>
        <source>coordinates out of range: longitude {lon}, latitude {lat}</source>
        <translation>coordonnées hors limites : longitude {lon}, latitude {lat}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="165"/>
        <source>coordinates 0, 0 (position missing)</source>
        <translation>coordonnées 0, 0 (position manquante)</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="184"/>
        <source>invalid geometry</source>
        <translation>géométrie invalide</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="223"/>
        <source>&apos;{value}&apos; is not a &quot;latitude, longitude&quot; pair (column {column})</source>
        <translation>« {value} » n’est pas un couple « latitude, longitude » (colonne {column})</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="236"/>
        <source>invalid GeoJSON in column {column}</source>
        <translation>GeoJSON invalide dans la colonne {column}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="321"/>
        <source>no coordinates</source>
        <translation>pas de coordonnées</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="338"/>
        <source>The file {name} is not encoded in {encoding}.</source>
        <translation>Le fichier {name} n’est pas encodé en {encoding}.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="375"/>
        <source>{count} fields instead of {expected}</source>
        <translation>{count} champs au lieu de {expected}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="410"/>
        <source>The CSV file {name} cannot be read: {error}</source>
        <translation>Le fichier CSV {name} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="460"/>
        <source>The coordinate system of the columns {x}/{y} of {name} is unknown: give its EPSG code.</source>
        <translation>Le système de coordonnées des colonnes {x}/{y} de {name} est inconnu : indiquez son code EPSG.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="488"/>
        <source>The file {name} cannot be read: {error}</source>
        <translation>Le fichier {name} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="415"/>
        <source>Give both the longitude and the latitude columns of {name}.</source>
        <translation>Indiquez à la fois la colonne de longitude et celle de latitude de {name}.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="438"/>
        <source>The column {column} is not in {name} (columns: {columns}).</source>
        <translation>La colonne {column} n’existe pas dans {name} (colonnes : {columns}).</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="517"/>
        <source>{name} is not GeoJSON (no FeatureCollection or Feature found).</source>
        <translation>{name} n’est pas du GeoJSON (ni FeatureCollection ni Feature).</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="449"/>
        <source>No coordinates found in {name}: expected columns such as latitude/longitude, lat/lon, x_wgs84/y_wgs84, x_l93/y_l93, geo_point_2d or geo_shape. Choose the coordinate columns.</source>
        <translation>Aucune coordonnée trouvée dans {name} : colonnes attendues latitude/longitude, lat/lon, x_wgs84/y_wgs84, x_l93/y_l93, geo_point_2d ou geo_shape. Choisissez les colonnes de coordonnées.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="531"/>
        <source>{name} is not valid JSON: {error}</source>
        <translation>{name} n’est pas du JSON valide : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="547"/>
        <source>invalid feature</source>
        <translation>objet invalide</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="611"/>
        <source>no geometry</source>
        <translation>pas de géométrie</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="583"/>
        <source>GDAL cannot open {name}: the file is damaged or not a vector file.</source>
        <translation>GDAL ne peut pas ouvrir {name} : le fichier est endommagé ou n’est pas un fichier vecteur.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="588"/>
        <source>{name} has no layer {layer}.</source>
        <translation>{name} n’a pas de couche {layer}.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="625"/>
        <source>absolute path</source>
        <translation>chemin absolu</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="658"/>
        <source>path leaving the folder</source>
        <translation>chemin sortant du dossier</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="629"/>
        <source>symbolic link</source>
        <translation>lien symbolique</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="645"/>
        <source>{name} is not a valid ZIP archive: {error}</source>
        <translation>{name} n’est pas une archive ZIP valide : {error}</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="660"/>
        <source>The archive {name} was refused: its member &apos;{member}&apos; is unsafe ({reason}).</source>
        <translation>L’archive {name} a été refusée : son élément « {member} » est dangereux ({reason}).</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="666"/>
        <source>The archive {name} is too large once extracted.</source>
        <translation>L’archive {name} est trop volumineuse une fois extraite.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="704"/>
        <source>The archive {name} contains no data file that can be loaded.</source>
        <translation>L’archive {name} ne contient aucun fichier de données chargeable.</translation>
    </message>
    <message>
        <location filename="../core/loaders.py" line="738"/>
        <source>The format of {name} is not supported.</source>
        <translation>Le format de {name} n’est pas pris en charge.</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="148"/>
        <source>The walking speed must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="263"/>
        <source>The node merging tolerance must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="270"/>
        <source>Expected {expected} attribute records for the lines, got {got}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="404"/>
        <source>points to snap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="407"/>
        <source>The maximum snapping distance must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="606"/>
        <source>A finite walking cut-off is needed to list the pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="656"/>
        <source>The walking cut-off must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/network.py" line="658"/>
        <source>The walking cut-off must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="91"/>
        <source>The population cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="96"/>
        <source>Expected one fragility value per population unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="111"/>
        <source>The extent and the grid spacing must be numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="113"/>
        <source>The extent and the grid spacing must be finite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="115"/>
        <source>The grid spacing must be greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="117"/>
        <source>The extent is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="121"/>
        <source>The candidate grid would have {count} points; use a larger spacing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="148"/>
        <source>The coverage must be given as cost pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="149"/>
        <source>demand weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="155"/>
        <source>Expected one coverage flag per population unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="174"/>
        <source>The number of sites must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="176"/>
        <source>The number of sites cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="232"/>
        <source>{count} combinations of sites are too many for an exhaustive search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recommend.py" line="260"/>
        <source>candidate sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="81"/>
        <source>Digital mediation place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="85"/>
        <source>France Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="85"/>
        <source>Digital adviser (conseiller numérique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="87"/>
        <source>Third place (tiers-lieu, coworking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="88"/>
        <source>Fab lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="91"/>
        <source>Public internet access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="126"/>
        <source>Unknown service category: {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="800"/>
        <source>A place record must be a dictionary of fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="599"/>
        <source>Place {name}: its coordinates are not numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="596"/>
        <source>Place {name} has no coordinates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="602"/>
        <source>Place {name}: longitude {lon} / latitude {lat} are out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="606"/>
        <source>Place {name}: coordinates 0, 0 are a placeholder, not a position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="948"/>
        <source>Place {id} has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="787"/>
        <source>The France Services table lacks the columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1071"/>
        <source>Cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1050"/>
        <source>{path} is not valid GeoJSON: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1055"/>
        <source>{path} is not a GeoJSON FeatureCollection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1073"/>
        <source>{path} is not a readable CSV file: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1225"/>
        <source>The merging distance must be a positive number of metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="1254"/>
        <source>Every place to merge needs numeric lon and lat fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/settings.py" line="88"/>
        <source>The value &apos;{value}&apos; given by {origin} for the option {option} is not valid.</source>
        <translation>La valeur « {value} » donnée par {origin} pour l’option {option} n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="54"/>
        <source>Coverage analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="55"/>
        <source>Open data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="56"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1019"/>
        <source>Digital services coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="109"/>
        <source>Population (grid cells, IRIS, buildings… or points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="114"/>
        <source>Population units; polygons are represented by their centroid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="116"/>
        <source>Population field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="123"/>
        <source>Number of inhabitants of each unit (INSEE grid: ind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="127"/>
        <source>Digital services (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="362"/>
        <source>Category field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="142"/>
        <source>Category codes of each service, several separated by | (e.g. epn|wifi).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="146"/>
        <source>Walking distance thresholds (metres, per category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="151"/>
        <source>category=metres separated by ; — categories not listed keep their default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="154"/>
        <source>Category weights in the score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="162"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="33"/>
        <source>Summary (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="33"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="348"/>
        <source>Population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="361"/>
        <source>Digital services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="219"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="220"/>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="225"/>
        <source>Distances measured in {crs} ({name}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="252"/>
        <source>{n} population unit(s) without geometry skipped (kept in the output with empty results).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="258"/>
        <source>{n} service(s) without geometry skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="262"/>
        <source>No population unit has a usable geometry: they are empty or cannot be placed in {crs} from the layer&apos;s CRS {source}. Check the CRS of the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="271"/>
        <source>No service has a category in field &apos;{field}&apos;: fill it with codes such as epn, france_services, conseiller_numerique, tiers_lieu, fablab, wifi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="276"/>
        <source>{n} service(s) without category ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="280"/>
        <source>{n} population unit(s) with an empty population counted as 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="118"/>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="111"/>
        <source>The output layer could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="195"/>
        <source>{code}: {share:.1%} of the population within {threshold:g} m ({n} service(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage.py" line="88"/>
        <source>Field &apos;{name}&apos; of the population layer replaced by the new result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="20"/>
        <source>The layer &apos;{label}&apos; could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="218"/>
        <source>The layer &apos;{label}&apos; has no feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="24"/>
        <source>The layer &apos;{label}&apos; has no coordinate reference system: set one in its properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="36"/>
        <source>The layer &apos;{label}&apos; has no field &apos;{name}&apos;. Available fields: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/layers.py" line="42"/>
        <source>The field &apos;{name}&apos; of layer &apos;{label}&apos; is not numeric (type {type}): choose a numeric field or convert it with the field calculator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="39"/>
        <source>Ville numérique {version} — digital inclusion coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="29"/>
        <source>Communes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="30"/>
        <source>Population (INSEE 200 m grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="32"/>
        <source>Station project (scenario)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="219"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="45"/>
        <source>Saint-Omer sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="51"/>
        <source>Sample layer {name} could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="86"/>
        <source>Digital services coverage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="89"/>
        <source>Who lives within walking reach of each kind of digital service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="276"/>
        <source>Load the Saint-Omer sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="97"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="83"/>
        <source>Ville numérique panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Show or hide the Ville numérique panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="347"/>
        <source>No dataset listing the France Services was found on {host} (search &quot;{query}&quot;). The catalogue may have changed: load a downloaded file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="381"/>
        <source>No organisation &quot;{name}&quot; on {host}: give its identifier or the last part of the address of its page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="388"/>
        <source>an organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="401"/>
        <source>No resource {rid} on {host}: the file may have been deleted or replaced. Search the catalogue again for its current identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/datagouv.py" line="410"/>
        <source>a resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/report.py" line="517"/>
        <source>Unknown report language &apos;{language}&apos;: use fr or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/report.py" line="1396"/>
        <source>The coverage summary must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/services.py" line="952"/>
        <source>Wi-Fi site {name} is not operational ({state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="305"/>
        <source>Search data.gouv.fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="76"/>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="77"/>
        <source>Words that must all appear, e.g. lieux de médiation numérique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="317"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="80"/>
        <source>Identifier or slug of the publishing organisation (end of its page address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="82"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="83"/>
        <source>Tags separated by commas; a dataset must have all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="85"/>
        <source>Data schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="86"/>
        <source>Schema declared by the files, e.g. LaMednum/standard-mediation-num.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="88"/>
        <source>Maximum number of datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="97"/>
        <source>Datasets and resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="102"/>
        <source>Number of datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="103"/>
        <source>Number of resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="114"/>
        <source>Give something to search for: a text, an organisation, tags or a schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="119"/>
        <source>Searching the catalogue of {host}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="143"/>
        <source>No dataset of {host} matches the search ({criteria}). Try fewer or other words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="188"/>
        <source>{datasets} dataset(s), {resources} resource(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="208"/>
        <source>Load a data.gouv.fr resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="211"/>
        <source>Resource (identifier or address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="212"/>
        <source>A data.gouv.fr resource identifier, its address (…/datasets/r/&lt;id&gt;) or any address of a CSV, GeoJSON, zipped Shapefile or GeoPackage file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="219"/>
        <source>Layer or file inside the resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="222"/>
        <source>Layer of a GeoPackage, or file of a ZIP archive; the first one by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="224"/>
        <source>Longitude (or x) column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="225"/>
        <source>Only when the coordinate columns of a CSV file are not found by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="227"/>
        <source>Latitude (or y) column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="229"/>
        <source>Loaded layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="230"/>
        <source>Records read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="231"/>
        <source>Records kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="408"/>
        <source>Records rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="237"/>
        <source>Give one resource: an identifier or an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="242"/>
        <source>Give both the longitude and the latitude columns, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="247"/>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="252"/>
        <source>{name} has no record with a usable position. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="259"/>
        <source>{name} has no point, line or polygon geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="274"/>
        <source>{n} record(s) with another kind of geometry left out: the layer keeps the {family}s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="285"/>
        <source>The coordinate reference system of the file is unknown: set it on the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="291"/>
        <source>{kept} feature(s) written in {crs}; {rejected} record(s) rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="329"/>
        <source>The longitude and latitude columns only apply to CSV files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="313"/>
        <source>{name} has no layer {layer}; its layers: {layers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/datagouv.py" line="319"/>
        <source>{name} has {n} layers ({layers}); the first one was loaded: choose another with the layer parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="79"/>
        <source>Communes (ADMIN EXPRESS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="80"/>
        <source>IRIS (statistical units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="81"/>
        <source>Buildings (BD TOPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="82"/>
        <source>Road sections usable on foot (BD TOPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="83"/>
        <source>Passenger stations and stops (BD TOPO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="84"/>
        <source>INSEE 200 m grid (Filosofi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="121"/>
        <source>Fetching {layer} ({typename}) from the IGN Géoplateforme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="180"/>
        <source>The IGN Géoplateforme returned no {layer} in the area ({area}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="170"/>
        <source>{n} feature(s) of the bounding box outside the area left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="174"/>
        <source>{n} feature(s) without a usable geometry left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="189"/>
        <source>Features per WFS request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="197"/>
        <source>The Géoplateforme serves at most 5000 features per request; larger areas take several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="211"/>
        <source>Fetch an IGN Géoplateforme layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="214"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="220"/>
        <source>IGN layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="221"/>
        <source>Number of features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="235"/>
        <source>{n} feature(s) of {layer} written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="247"/>
        <source>Fetch the INSEE 200 m population grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="252"/>
        <source>Population grid (200 m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="257"/>
        <source>Number of cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="258"/>
        <source>Inhabitants in the cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="272"/>
        <source>The grid served has no field ind (inhabitants).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="277"/>
        <source>{n} cell(s) of 200 m, {population:.1f} inhabitants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="317"/>
        <source>{name} is not recognised as a list of digital services: expected lieux de médiation numérique (schema v0 or v1), the France Services list, tiers-lieux or public Wi-Fi sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="297"/>
        <source>Fetch the digital services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="352"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="359"/>
        <source>Places offering at least one of them are kept, with these categories only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="374"/>
        <source>Public Wi-Fi datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="375"/>
        <source>data.gouv.fr resource identifiers or file addresses of Wi-Fi site lists, separated by commas. Sites that are not operational are left out and counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="382"/>
        <source>Downloaded files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="385"/>
        <source>Files already downloaded (CSV, GeoJSON…): lieux de médiation numérique, France Services, tiers-lieux or Wi-Fi lists, recognised by their columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="392"/>
        <source>Merging distance of duplicates (metres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="400"/>
        <source>Places of matching names closer than this are one place; 0 merges equal ids only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="407"/>
        <source>Number of places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="409"/>
        <source>Wi-Fi sites not operational</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="414"/>
        <source>Choose at least one category of services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="424"/>
        <source>Choose at least one source: a data.gouv.fr dataset, a Wi-Fi list or a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="430"/>
        <source>No area given: every place of the sources is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="446"/>
        <source>&quot;{dataset}&quot;: file &quot;{resource}&quot; of {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="488"/>
        <source>{kept} record(s) in the area, {outside} outside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="496"/>
        <source>{before} record(s) merged into {after} place(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="506"/>
        <source>{n} place(s) without any of the chosen categories left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="514"/>
        <source>No place of the chosen categories ({categories}) was found{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="514"/>
        <source> in the area ({area})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="535"/>
        <source>{n} place(s) written: {counts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="558"/>
        <source>{name}: {read} record(s) read, {kept} kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="563"/>
        <source>Rejected: {details} (e.g. {examples}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="47"/>
        <source>&apos;{value}&apos; is not a walking time: give minutes between 1 and 600, e.g. 5,10,15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="55"/>
        <source>Give at least one walking time in minutes, e.g. 15 or 5,10,15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="87"/>
        <source>Walking isochrones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="100"/>
        <source>Starting points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="77"/>
        <source>Identifier field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="80"/>
        <source>Copied to source_id in the output; the feature id when empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="82"/>
        <source>Walking times (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="83"/>
        <source>One or several times separated by commas, e.g. 5,10,15 (4 km/h on the IGN network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="92"/>
        <source>Number of isochrones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="93"/>
        <source>Points off the walking network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="104"/>
        <source>No starting point has a usable geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="106"/>
        <source>{n} feature(s) without geometry skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="123"/>
        <source>Point {id}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="146"/>
        <source>None of the {n} point(s) could be reached on the IGN walking network: move them onto streets or paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="153"/>
        <source>{n} point(s) off the walking network were left out: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="172"/>
        <source>{n} isochrone(s) written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="71"/>
        <source>Offline mode: only the data already in the cache ({folder}) is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="77"/>
        <source>Requests go through the proxy set in the QGIS network settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="110"/>
        <source>{codes}: not an INSEE commune code. A code has five characters, such as 62765 for Saint-Omer or 2A004 for Ajaccio (postal codes are not accepted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="121"/>
        <source>Area: INSEE commune codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="122"/>
        <source>INSEE codes separated by commas, e.g. 62765,62525 (Saint-Omer, Longuenesse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="124"/>
        <source>Area: extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="125"/>
        <source>A rectangle, in any CRS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="127"/>
        <source>Area: polygon layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="130"/>
        <source>The union of its polygons (or of the selected ones) is the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="132"/>
        <source>Buffer around the area (metres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="140"/>
        <source>Widens the area, e.g. to keep the services just across the boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="180"/>
        <source>Give the area one way only: commune codes, an extent or a polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="183"/>
        <source>Give the area: INSEE commune codes, an extent or a polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="188"/>
        <source>communes {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="193"/>
        <source>extent {extent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="196"/>
        <source>polygons of the layer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="198"/>
        <source>The area is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="201"/>
        <source>{area} + {buffer:g} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="202"/>
        <source>Area: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="221"/>
        <source>The IGN commune layer has no commune with the code(s) {codes}. Check them: INSEE codes, not postal codes (Saint-Omer is 62765, its postal code 62500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="245"/>
        <source>The area layer has no polygon (or none can be placed in WGS 84).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="311"/>
        <source>data.gouv.fr resource &quot;{title}&quot; ({format}, updated {date}) of the dataset {dataset}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="325"/>
        <source>&apos;{reference}&apos; is neither a data.gouv.fr resource identifier, nor a data.gouv.fr resource address, nor an http(s) address of a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="340"/>
        <source>Downloading {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="437"/>
        <source>point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="437"/>
        <source>line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="437"/>
        <source>polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="609"/>
        <source>Writing the output failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="109"/>
        <source>The file &apos;{label}&apos; cannot be read ({path}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="112"/>
        <source>The file &apos;{label}&apos; is not valid JSON ({path}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="115"/>
        <source>The file &apos;{label}&apos; does not hold a JSON object ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="162"/>
        <source>Coverage report (HTML and PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="169"/>
        <source>Coverage layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="174"/>
        <source>The Coverage output of ville_numerique:coverage (dist_&lt;category&gt;, cov_&lt;category&gt;, score fields).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="177"/>
        <source>Coverage summary (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="178"/>
        <source>The Summary (JSON) written with this coverage layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="180"/>
        <source>Scenario summary (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="183"/>
        <source>Optional: a scenario summary with before/after figures, shown as a comparison table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="185"/>
        <source>Digital services (drawn on the map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="190"/>
        <source>Perimeter (drawn on the map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="194"/>
        <source>Optional: the study area outline; its name field gives the default title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="317"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="197"/>
        <source>Empty: &quot;Couverture numérique — &lt;place&gt;&quot; (or its English version), the place being named by the perimeter or the services layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="200"/>
        <source>Report language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="204"/>
        <source>fr (French, default) or en (English).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="206"/>
        <source>Report (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="206"/>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="208"/>
        <source>Report (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="208"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="216"/>
        <source>The coverage layer could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="219"/>
        <source>Coverage summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="221"/>
        <source>The coverage summary has no &apos;categories&apos;: is it the Summary (JSON) of ville_numerique:coverage?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="224"/>
        <source>Scenario summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="232"/>
        <source>Choose a file for the HTML report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="235"/>
        <source>Reading the coverage layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="254"/>
        <source>Drawing the map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="272"/>
        <source>HTML report written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="277"/>
        <source>Exporting the PDF from the print layout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="284"/>
        <source>PDF report written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="312"/>
        <source>The coverage layer has no population field &apos;{name}&apos; (named in the summary): choose the layer written with this summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="319"/>
        <source>The coverage layer has neither a score field nor dist_&lt;category&gt; fields: choose the Coverage output of ville_numerique:coverage that goes with this summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="324"/>
        <source>Fields missing from the coverage layer, left out of the report: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="603"/>
        <source>The print layout template is missing: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="620"/>
        <source>The print layout template cannot be read: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/report.py" line="638"/>
        <source>The PDF could not be written ({path}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="75"/>
        <source>Planned services (scenario)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="128"/>
        <source>Priority areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="78"/>
        <source>Project perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="101"/>
        <source>… also offers {category}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="114"/>
        <source>{low:g}–{high:g} · least served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="118"/>
        <source>{low:g}–{high:g} · best served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="167"/>
        <source>The style {name} could not be loaded: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="198"/>
        <source>The map style {name} could not be applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="239"/>
        <source>The style could not be written next to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chart.py" line="129"/>
        <source>Share of the population within walking time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chart.py" line="132"/>
        <source>Run an analysis to see the curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chart.py" line="160"/>
        <source>Walking time (minutes at 4 km/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="95"/>
        <source>Nearest service (walking distance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="96"/>
        <source>Cumulative opportunities (services within reach)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="97"/>
        <source>2SFCA (services per inhabitant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="98"/>
        <source>Enhanced 2SFCA (with distance decay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="104"/>
        <source>Step (within the threshold or not)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="105"/>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="106"/>
        <source>Gaussian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="107"/>
        <source>Gravity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="163"/>
        <source>1. Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="164"/>
        <source>2. Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="165"/>
        <source>3. Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="166"/>
        <source>4. Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="167"/>
        <source>5. Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="176"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="200"/>
        <source>Find the commune and the station of the project, then make the perimeter: a walking distance around the station, the commune, a polygon you draw or the selected feature of any layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="209"/>
        <source>Name or INSEE code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="215"/>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="39"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="230"/>
        <source>Walking time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="234"/>
        <source>Perimeter: walking distance around the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="237"/>
        <source>Buffer of the walking distance around the station (straight line, Processing algorithm native:buffer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="242"/>
        <source>The commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="243"/>
        <source>Use the boundary of the commune as perimeter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="245"/>
        <source>Draw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="246"/>
        <source>Draw the perimeter on the map: click the vertices, right-click to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="249"/>
        <source>Selected feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="250"/>
        <source>Use the selected feature(s) of the active polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="262"/>
        <source>Perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="269"/>
        <source>≈ {metres} m at 4 km/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="278"/>
        <source>Offline sample: Saint-Omer station district (services, INSEE grid, communes, station).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="283"/>
        <source>Categories of services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="295"/>
        <source>Open data for the perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="299"/>
        <source>Fetch the population grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="309"/>
        <source>e.g. médiation numérique, wifi public…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="310"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="317"/>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="317"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="325"/>
        <source>Add to the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="349"/>
        <source>Inhabitants field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="365"/>
        <source>Walking time to each kind of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="385"/>
        <source>Default times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="386"/>
        <source>Times set in Settings › Options › Ville numérique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="403"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="404"/>
        <source>Distance decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="405"/>
        <source>Only the population inside the perimeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="411"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="412"/>
        <source>[Temporary layer]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="413"/>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="415"/>
        <source>Run the analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="111"/>
        <source>{metres} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1073"/>
        <source>No analysis yet: run one from “3. Analysis”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="476"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="478"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="480"/>
        <source>Recommend sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="492"/>
        <source>An analysis (perimeter, data and parameters) can be saved to a file to share it, or in the QGIS project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="495"/>
        <source>Save to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="495"/>
        <source>Open a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="495"/>
        <source>Save in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="495"/>
        <source>Load from the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="506"/>
        <source>Recent analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="511"/>
        <source>Restore the selected analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="551"/>
        <source>Needs the Processing algorithm {id}, not installed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="558"/>
        <source>The installed coverage algorithm measures the walking distance to the nearest service only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="994"/>
        <source>An operation is already running: wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="596"/>
        <source>Canceling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="604"/>
        <source>The operation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="624"/>
        <source>{name} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="654"/>
        <source>{name} — {commune} (UIC {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="686"/>
        <source>Perimeter ready: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="694"/>
        <source>Choose a station first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="697"/>
        <source>Perimeter: {minutes} min walk around {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="743"/>
        <source>Making the perimeter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="713"/>
        <source>Choose a commune first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="715"/>
        <source>Perimeter: commune of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="731"/>
        <source>Make a polygon layer active and select the feature(s) of the perimeter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="735"/>
        <source>No feature is selected in {layer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="738"/>
        <source>Perimeter: selection of {layer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="747"/>
        <source>Canceled: no perimeter was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="762"/>
        <source>Click the vertices of the perimeter on the map; right-click to finish, Esc to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="778"/>
        <source>Perimeter: drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="806"/>
        <source>Saint-Omer sample loaded: go on with “3. Analysis”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="840"/>
        <source>Tick at least one category of services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="907"/>
        <source>Canceled: nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="909"/>
        <source>{n} layer(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="867"/>
        <source>Fetching the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="872"/>
        <source>Type what to search for on data.gouv.fr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="874"/>
        <source>Searching data.gouv.fr…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="879"/>
        <source>Search canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="891"/>
        <source>No dataset found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="896"/>
        <source>Select a dataset in the results first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="911"/>
        <source>Loading the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="944"/>
        <source>Choose the population layer (for instance the INSEE 200 m grid) in “3. Analysis”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="946"/>
        <source>Choose the field of {layer} that holds the number of inhabitants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="949"/>
        <source>The field {field} of {layer} is not numeric: choose the field that holds the number of inhabitants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="952"/>
        <source>Choose the layer of digital services in “3. Analysis”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="954"/>
        <source>Choose the field of {layer} that holds the service categories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="957"/>
        <source>Make or choose a perimeter first, or untick “Only the population inside the perimeter”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="960"/>
        <source>The layer {layer} has no feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1015"/>
        <source>Selecting the population inside the perimeter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1022"/>
        <source>Computing the coverage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1037"/>
        <source>Analysis canceled: nothing was added to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1050"/>
        <source>The summary could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1061"/>
        <source>Coverage computed: mean score {score} / 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1079"/>
        <source>Population: {population} inhabitants · mean score: {score} / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1097"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1239"/>
        <source>Not found, choose again: {layers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1245"/>
        <source>Analysis saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1257"/>
        <source>Save the analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1265"/>
        <source>Ville numérique analysis (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1265"/>
        <source>Open an analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1272"/>
        <source>Analysis saved in the project (save the project to keep it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1282"/>
        <source>This project holds no Ville numérique analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1297"/>
        <source>{layer} — {population} inhabitants, score {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1313"/>
        <source>Select an analysis in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="60"/>
        <source>This file is not a Ville numérique analysis (invalid JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="62"/>
        <source>This file is not a Ville numérique analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="64"/>
        <source>This analysis was saved by a newer version of Ville numérique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/presets.py" line="86"/>
        <source>The file {path} could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="74"/>
        <source>Open data services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="80"/>
        <source>Offline: use only the cache and local files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="83"/>
        <source>data.gouv.fr address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="84"/>
        <source>Géoplateforme (IGN) address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="86"/>
        <source>Connection timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="87"/>
        <source>Reading timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="90"/>
        <source>Cache of downloaded data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="99"/>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="100"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="101"/>
        <source>Maximum size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="104"/>
        <source>Default walking times (minutes at 4 km/h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="124"/>
        <source>Restore the defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="126"/>
        <source>Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="140"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="174"/>
        <source>Set by the environment variable {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_page.py" line="179"/>
        <source>Set by environment variables, which win over these settings: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="83"/>
        <source>The algorithm {id} is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="94"/>
        <source>The algorithm could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="120"/>
        <source>The algorithm failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="126"/>
        <source>The results could not be loaded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tasks.py" line="137"/>
        <source>The result {name} could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="307"/>
        <source>{what}: unknown value &apos;{value}&apos;, use one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="369"/>
        <source>Service weights and points differ in number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="372"/>
        <source>The service weights must be 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="387"/>
        <source>Fragility values and population units differ in number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="459"/>
        <source>The two scenarios do not have the same population units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="157"/>
        <source>Access method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="159"/>
        <source>Service weight field (number, or opening hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="169"/>
        <source>Walking network (lines) — straight line when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="175"/>
        <source>Maximum distance to the network (metres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="184"/>
        <source>Fragility field (0–10) — computed from the INSEE fields when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="190"/>
        <source>Fragility indicator weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="260"/>
        <source>No service has a usable geometry: check the services layer and its CRS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="339"/>
        <source>The fragility field &apos;{name}&apos; must hold values from 0 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="344"/>
        <source>No fragility: the population layer has neither a fragility field nor the INSEE grid fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="348"/>
        <source>Fragility weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="357"/>
        <source>{n} unit(s) without inhabitants have no fragility value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="372"/>
        <source>Service weights: opening hours per week read from &apos;{field}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="376"/>
        <source>{n} service(s) without a usable weight get the median weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="386"/>
        <source>The walking network layer has no feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="390"/>
        <source>Walking network: {nodes} nodes, {edges} edges; {dropped} line(s) not walkable left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/coverage_inputs.py" line="396"/>
        <source>The walking network has no walkable line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="362"/>
        <source>Lieux de médiation numérique (national dataset on data.gouv.fr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="367"/>
        <source>Found in the catalogue at each run (by its schema), so the latest file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="369"/>
        <source>France Services (ANCT list on data.gouv.fr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/fetch.py" line="372"/>
        <source>Found in the catalogue at each run, so the latest file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/isochrone.py" line="109"/>
        <source>{n} isochrones to compute: about {minutes:.0f} min at 5 requests per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/open_data.py" line="334"/>
        <source>{name}: this format ({suffix}) cannot be loaded. Look for a CSV, GeoJSON, zipped Shapefile or GeoPackage version of the data, or save it as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="44"/>
        <source>Recommend sites for new services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="49"/>
        <source>Category of the new services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="51"/>
        <source>Candidate sites (points) — a regular grid when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="54"/>
        <source>Spacing of the candidate grid (metres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="57"/>
        <source>Number of sites to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="60"/>
        <source>Walking distance covered by a site (metres; 0 = the category&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="63"/>
        <source>Weight the population by its fragility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="67"/>
        <source>Recommended sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="86"/>
        <source>No fragility available: sites are chosen for the population alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="97"/>
        <source>Only {n} site(s) add coverage: every other candidate covers nobody new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="152"/>
        <source>Site {rank}: +{gain:.1f} weighted inhabitant(s) covered ({pop:.1f} inhabitants).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="166"/>
        <source>{n} candidate(s) without geometry skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="168"/>
        <source>No candidate site has a usable geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/recommend.py" line="174"/>
        <source>{n} candidate sites on a {spacing:g} m grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="25"/>
        <source>Scenario: coverage before and after planned services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="30"/>
        <source>Planned services (points, same category field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="41"/>
        <source>Planned services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="47"/>
        <source>Before: {n} existing service(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="55"/>
        <source>After: {n} planned service(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="97"/>
        <source>{code}: {pop:.1f} inhabitant(s) newly within reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/scenario.py" line="102"/>
        <source>Mean score: {change:+.2f} point(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/styles.py" line="127"/>
        <source>Coverage score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1097"/>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="84"/>
        <source>Mediation place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="86"/>
        <source>Digital adviser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="87"/>
        <source>Third place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="89"/>
        <source>Public internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Inhabitants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Fragile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="444"/>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Kind of digital service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Walking time within which a service counts as within reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Inhabitants within that walking time of a service of this kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Share of the population within that walking time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Half of the population lives closer than this (straight line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Fragile inhabitants (elderly, poor, living alone) not within reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="448"/>
        <source>Mean access of the population, in the unit of the method (services within reach, or services per 1,000 inhabitants)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="846"/>
        <source>Make or choose a perimeter, or a commune, first (1. Territory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="900"/>
        <source>This dataset has no file that can be added to the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panel.py" line="1083"/>
        <source>Fragile inhabitants: {fragile} (mean fragility {index} / 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="76"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
