"""A check set of made-up pages in the shapes a crawler meets: error, block, wall and listing
pages worded unlike our rule lists, and real-looking articles that only mention such things.

Written for newsclean's tests (invented sites, people and stories; nothing copied from a real
site or from the shared corpora). Each entry: name -> (file suffix, page, article expected).
"""

from __future__ import annotations

NAV = "Startseite\nPolitik\nWirtschaft\nSport\nKultur\nSuche\n"


def page(lang: str, title: str, body: str) -> str:
    """A small HTML page: a site menu, the body (HTML), a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        '<body><nav><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></nav>'
        f"<main>{body}</main><footer><p>© 2026 Example Media</p></footer></body></html>"
    )


ARTICLE_EN = [
    "The regional transport authority said on Thursday that it would spend four million on new "
    "signalling for the northern line, after a winter of delays that left commuters stranded for hours.",
    "Engineers found that the old relays failed in frost more often than expected, and the authority "
    "admitted that its own maintenance plans had not kept up with the age of the equipment.",
    "Passenger groups welcomed the money but said they wanted a timetable for the work, and asked "
    "why the problems had been known for years without anything being done about them.",
    "The first section between the harbour and the university is to be finished by the autumn, "
    "with the rest of the line following over the next two years if the budget allows.",
]

CHECKS: dict[str, tuple[str, str, bool]] = {
    # --- not found, in several languages, worded unlike the rule lists ---
    "notfound-de.txt": (".txt", NAV + "Hoppla, hier ist nichts\nDiese Adresse führt leider ins Leere. "
                        "Vielleicht hat sich ein Tippfehler eingeschlichen.\nZur Startseite\nImpressum\nDatenschutz\n", False),
    "notfound-es.html": (".html", page("es", "Error 404 | Diario del Sur", "<h1>Error 404</h1><p>Lo sentimos, "
                         "la noticia que busca ya no está disponible en nuestra web.</p><p><a href='/'>Volver a la portada</a></p>"), False),
    "gone-it.html": (".html", page("it", "Contenuto rimosso - Gazzetta di Valle", "<h1>Contenuto non più disponibile</h1>"
                     "<p>Questo articolo è stato rimosso dal nostro archivio.</p><p><a href='/'>Torna alla home</a></p>"), False),
    "notfound-nl.txt": (".txt", "Home\nNieuws\nSport\nHelaas, deze pagina bestaat niet (meer)\n"
                        "Controleer het adres of ga terug naar de voorpagina.\nVoorpagina\nContact\n", False),
    "notfound-sv.html": (".html", page("sv", "Sidan hittades inte", "<h1>Sidan hittades inte</h1><p>Vi hittar tyvärr "
                         "inte sidan du söker.</p><p><a href='/'>Till startsidan</a></p>"), False),
    "notfound-pl.txt": (".txt", "Strona główna\nKraj\nŚwiat\nBłąd 404\nNie znaleźliśmy takiej strony.\n"
                        "Wróć na stronę główną\n", False),
    "notfound-tr.html": (".html", page("tr", "Sayfa bulunamadı", "<h1>Aradığınız sayfaya ulaşılamıyor</h1>"
                         "<p>Sayfa kaldırılmış ya da adresi değişmiş olabilir.</p>"), False),
    "notfound-status-en.txt": (".txt", "Home\nWorld\nHTTP 404\nWe're sorry, but there's nothing at this address.\n"
                               "Home\nAbout\n", False),
    # --- bot and CDN challenges, rate limits ---
    "challenge-en.txt": (".txt", "example-news.com\nPerforming a quick check of your connection before you continue.\n"
                         "This takes a few seconds.\nEnable JavaScript and cookies to continue\nRay ID: 8a1b2c3d4e5f\n", False),
    "challenge-de.html": (".html", page("de", "Einen Moment bitte …", "<h1>Einen Moment bitte …</h1><p>Wir prüfen, ob "
                          "Sie ein Mensch sind. Bitte aktivieren Sie JavaScript.</p>"), False),
    "jsrequired-en.html": (".html", page("en", "The Harbour Times", "<noscript>You need to enable JavaScript to run this app.</noscript>"
                           "<p>Please turn on JavaScript in your browser settings to read The Harbour Times.</p>"), False),
    "ratelimit-en.txt": (".txt", "429\nSlow down!\nYou have sent too many requests in a given amount of time. "
                         "Please wait a minute and try again.\n", False),
    "ratelimit-fr.html": (".html", page("fr", "Trop de requêtes", "<h1>Trop de requêtes</h1><p>Vous avez effectué trop "
                          "de requêtes. Veuillez patienter quelques minutes.</p>"), False),
    # --- walls ---
    "login-de.txt": (".txt", NAV + "Bitte melden Sie sich an\nUm diesen Beitrag zu lesen, benötigen Sie ein kostenloses Konto.\n"
                     "E-Mail\nPasswort\nAnmelden\nNoch kein Konto? Jetzt registrieren\n", False),
    "paywall-it.html": (".html", page("it", "Il porto cambia volto - Gazzetta di Valle", "<h1>Il porto cambia volto</h1>"
                        "<p>Il consiglio comunale ha approvato ieri sera il nuovo piano per il porto, dopo mesi di discussioni "
                        "tra commercianti, pescatori e residenti del centro storico.</p>"
                        "<h2>Continua a leggere</h2><p>Abbonati per leggere l'articolo completo. Primo mese a 1 euro.</p>"
                        "<p><a href='/abbonati'>Abbonati ora</a> <a href='/login'>Sei già abbonato? Accedi</a></p>"), False),
    "metered-en.txt": (".txt", "Home\nLocal\nThe ferry timetable will change in May\nThe island ferry will run two extra "
                       "crossings on weekdays from May, the operator said on Monday.\n"
                       "You've reached your limit of free articles this month.\nSubscribe for unlimited access\n"
                       "Already a subscriber? Log in\n", False),
    "consent-nl.html": (".html", page("nl", "Dagblad van de Kust", "<h2>Wij waarderen uw privacy</h2><p>Wij en onze partners "
                        "gebruiken cookies en vergelijkbare technieken om content en advertenties te personaliseren.</p>"
                        "<p><button>Alles accepteren</button> <button>Instellingen</button></p>"), False),
    "consent-es.txt": (".txt", "Diario del Sur\nTu privacidad es importante para nosotros\nNosotros y nuestros socios "
                       "almacenamos información en tu dispositivo, como cookies.\nAceptar y continuar\nConfigurar\n", False),
    # --- maintenance, moved ---
    "maintenance-de.txt": (".txt", "Wartungsarbeiten\nWir sind gleich wieder da.\nUnsere Seite wird gerade gewartet. "
                           "Bitte versuchen Sie es später erneut.\n", False),
    "maintenance-en.html": (".html", page("en", "Back soon", "<h1>We'll be back shortly</h1><p>Our website is "
                            "undergoing scheduled upgrades. Thanks for your patience.</p>"), False),
    "moved-en.txt": (".txt", "This story has a new home\nIt now lives at https://courier.example/news/2026/park\n"
                     "Update your bookmarks.\n", False),
    # --- listings ---
    "search-en.txt": (".txt", "Home\nSearch\nSearch results for \"bridge\"\n48 results\nBridge repairs delayed again\n"
                      "12 March 2026\nNew footbridge opens in the old town\n3 March 2026\nCouncil debates bridge tolls\n"
                      "28 February 2026\nNext page\n", False),
    "tag-de.html": (".html", page("de", "Thema: Verkehr – Stadtanzeiger", "<h1>Thema: Verkehr</h1><ul>"
                    "<li><a href='/1'>Neue Buslinie zum Klinikum ab Montag</a> 12.03.2026</li>"
                    "<li><a href='/2'>Baustelle an der Hauptstraße dauert länger</a> 10.03.2026</li>"
                    "<li><a href='/3'>Radweg am Fluss wird verbreitert</a> 07.03.2026</li>"
                    "<li><a href='/4'>Parkgebühren steigen im Sommer</a> 02.03.2026</li></ul>"), False),
    "home-en.txt": (".txt", "The Harbour Times\nNews\nSport\nStorm closes mountain pass for second day\nMarket hall "
                    "reopens after two-year renovation\nLocal team wins cup final on penalties\nNew ferry timetable "
                    "from May\nSchool budget vote set for Monday\nOpinion\nWeather\n", False),
    # --- articles that only mention errors, walls, cookies, logins: must stay articles ---
    "article-404-en.txt": (".txt", "Home\nTechnology\nWhy broken links still haunt the web\n"
                           + "\n".join(ARTICLE_EN[:1]) + "\nA study found that one in four links in old news stories now "
                           "leads to a 404 error page, and that many sites never redirect moved pages to their new address.\n"
                           + "\n".join(ARTICLE_EN[1:]) + "\n", True),
    "article-cookies-de.html": (".html", page("de", "Datenschutz: Gericht kippt Cookie-Banner - Stadtanzeiger",
                                "<h1>Gericht kippt Cookie-Banner</h1><p>Das Landgericht hat am Dienstag entschieden, dass "
                                "ein Cookie-Banner ohne gleichwertige Ablehnen-Schaltfläche gegen das Datenschutzrecht "
                                "verstößt.</p><p>Geklagt hatte ein Verbraucherverband gegen einen Versandhändler, der "
                                "Besucher seiner Seite nur die Wahl zwischen Alle akzeptieren und einem versteckten Menü "
                                "ließ.</p><p>Die Richter folgten der Argumentation, dass die Einwilligung so nicht "
                                "freiwillig sei, und setzten dem Händler eine Frist von drei Monaten.</p><p>Der Händler "
                                "kündigte an, das Urteil prüfen zu lassen und gegebenenfalls Berufung einzulegen.</p>"), True),
    "article-paywall-en.html": (".html", page("en", "Local papers bet on subscriptions | The Valley Courier",
                                "<h1>Local papers bet on subscriptions</h1>" + "".join(f"<p>{p}</p>" for p in [
                                    "Three regional newspapers said on Monday that they would put most of their "
                                    "stories behind a paywall from next month, asking readers to subscribe for five a month.",
                                    "Readers who reach their limit of free articles will be asked to log in or subscribe, "
                                    "the publishers said, while breaking news and weather will stay free for everyone.",
                                    "Media researchers said the move followed a steep fall in advertising income, and "
                                    "that smaller papers had few other ways to pay for local reporting.",
                                    "The publishers said they hoped to reach ten thousand digital subscribers by the end "
                                    "of the year, twice as many as they have today."])), True),
    "article-outage-es.txt": (".txt", "Portada\nEconomía\nUna caída de los servidores deja sin banca en línea a miles de clientes\n"
                              "Miles de clientes no pudieron acceder el martes a la banca en línea durante casi cuatro horas, "
                              "después de que un fallo en un centro de datos dejara fuera de servicio la web y la aplicación.\n"
                              "Muchos usuarios vieron solo un mensaje de error 503 y la indicación de que lo intentaran más "
                              "tarde, según las quejas recogidas por asociaciones de consumidores.\n"
                              "El banco pidió disculpas y aseguró que ningún dato de los clientes se vio comprometido, y "
                              "que las operaciones pendientes se completarían a lo largo del día.\n"
                              "Los consumidores reclaman ahora compensaciones por los pagos que no pudieron hacer a tiempo.\n", True),
    "article-login-fr.txt": (".txt", "Accueil\nSociété\nMots de passe : les conseils des experts\nLes experts en sécurité "
                             "recommandent de ne jamais réutiliser le même mot de passe pour se connecter à plusieurs "
                             "services, rappelle l'agence nationale dans un guide publié jeudi.\nL'agence conseille "
                             "aussi d'activer la double authentification, qui demande un code envoyé sur le téléphone "
                             "à chaque nouvelle connexion.\nSelon une enquête récente, près d'un Français sur deux utilise "
                             "encore le même mot de passe partout, souvent une date de naissance ou un prénom.\n", True),
}

# A second batch: more languages and the HTML shapes of the same classes.
CHECKS.update({
    "gone-pt.html": (".html", page("pt", "410 - Diário do Vale", "<h1>410</h1><p>Esta notícia foi retirada do ar e não "
                     "voltará a ser publicada.</p><p><a href='/'>Ir para a capa</a></p>"), False),
    "notfound-ru.txt": (".txt", "Главная\nНовости\nОшибка 404\nК сожалению, такой страницы у нас нет.\nНа главную\n", False),
    "notfound-cs.html": (".html", page("cs", "Stránka nenalezena", "<h1>Tuto stránku jsme nenašli</h1><p>Možná byla "
                         "přesunuta nebo smazána.</p>"), False),
    "notfound-fr.txt": (".txt", "Accueil\nActualités\nOups !\nLa page demandée est introuvable ou a été déplacée.\n"
                        "Retour à l'accueil\n", False),
    "challenge-es.txt": (".txt", "Comprobando su navegador antes de acceder a diariodelsur.es\nEste proceso es automático. "
                         "Su navegador le redirigirá en breve.\nPor favor, espere unos segundos…\n", False),
    "botcheck-en.html": (".html", page("en", "Attention required", "<h1>Sorry, you have been blocked</h1><p>Our systems "
                         "noticed unusual activity coming from your network.</p><p>Reference #18.2f3a</p>"), False),
    "ratelimit-de.txt": (".txt", "Fehler 429\nZu viele Anfragen\nBitte warten Sie einen Moment und laden Sie die Seite "
                         "dann neu.\n", False),
    "login-en.html": (".html", page("en", "Sign in | The Harbour Times", "<h1>Members only</h1><p>Sign in with your "
                      "email address to read this story.</p><form><label>Email</label><input><label>Password</label>"
                      "<input type='password'><button>Sign in</button></form><p><a href='/join'>Create a free account</a></p>"), False),
    "paywall-de.txt": (".txt", NAV + "Neue Brücke über die Elbe kommt später\nDer Bau der neuen Elbbrücke verzögert sich um "
                       "mindestens ein Jahr, wie die Stadt am Montag mitteilte.\nJetzt abonnieren und weiterlesen\n"
                       "Erster Monat kostenlos, danach 9,99 € im Monat\nSchon Abonnent? Anmelden\n", False),
    "consent-de.html": (".html", page("de", "Stadtanzeiger", "<h2>Ihre Zustimmung ist uns wichtig</h2><p>Wir verwenden "
                        "Cookies und ähnliche Technologien, um Inhalte zu personalisieren und Zugriffe zu analysieren.</p>"
                        "<p><button>Zustimmen</button> <button>Einstellungen</button></p>"), False),
    "maintenance-it.html": (".html", page("it", "Sito in manutenzione", "<h1>Torniamo presto!</h1><p>Il sito è in "
                            "manutenzione programmata. Ci scusiamo per il disagio.</p>"), False),
    "moved-de.html": (".html", page("de", "Seite umgezogen", "<h1>Diese Seite ist umgezogen</h1><p>Sie finden den Inhalt "
                      "jetzt unter <a href='/neu'>stadtanzeiger.example/neu</a>.</p>"), False),
    "search-fr.html": (".html", page("fr", "Recherche : vélo – Le Courrier", "<h1>Résultats de recherche pour « vélo »</h1>"
                       "<ul><li><a href='/1'>Une piste cyclable le long du canal</a> 12/03/2026</li>"
                       "<li><a href='/2'>Le vélo en libre-service arrive à la gare</a> 09/03/2026</li>"
                       "<li><a href='/3'>Vols de vélos : la police renforce les contrôles</a> 01/03/2026</li></ul>"
                       "<p>Page 1 sur 5</p>"), False),
    "home-de.html": (".html", page("de", "Stadtanzeiger – Nachrichten aus der Region", "<h2><a href='/1'>Neue Buslinie zum "
                     "Klinikum</a></h2><h2><a href='/2'>Baustelle dauert länger</a></h2><h2><a href='/3'>Radweg wird "
                     "verbreitert</a></h2><h2><a href='/4'>Parkgebühren steigen</a></h2><h2><a href='/5'>Stadtfest im Juni</a></h2>"), False),
    "article-captcha-en.txt": (".txt", "Home\nTechnology\nThe quiet war over captchas\n"
                               "Websites have asked visitors to prove they are human for more than twenty years, but the "
                               "puzzles are getting harder for people and easier for machines, researchers say.\n"
                               "A team at the university tested thousands of volunteers and found that many failed to verify "
                               "they were human on the first try, while automated tools passed most tests.\n"
                               "Security companies are now moving to checks that watch how a browser behaves instead of "
                               "asking people to click on pictures of traffic lights.\n"
                               "Critics say those checks collect more data about visitors than the old puzzles ever did.\n", True),
    "article-maintenance-de.txt": (".txt", "Startseite\nRegion\nBahnstrecke wegen Wartungsarbeiten gesperrt\n"
                                   "Die Bahnstrecke zwischen Nordstadt und Hafen bleibt wegen Wartungsarbeiten bis Sonntag gesperrt, "
                                   "wie die Bahn am Freitag mitteilte.\nFahrgäste müssen auf Busse umsteigen, die etwa zwanzig "
                                   "Minuten länger brauchen als die Züge.\nDie Arbeiten waren seit Monaten geplant und betreffen "
                                   "vor allem die Gleise und Weichen am alten Güterbahnhof.\n", True),
    "article-short-404-en.html": (".html", page("en", "Museum site back after outage | The Valley Courier",
                                  "<h1>Museum site back after outage</h1><p>The city museum's website is working again after "
                                  "visitors saw only error messages for most of Tuesday.</p><p>A spokesperson said a failed "
                                  "software update had caused the problem, and that no visitor data had been affected.</p>"
                                  "<p>Online ticket sales resume on Wednesday.</p>"), True),
})

# A third batch: short articles (50 to 80 words) whose every paragraph may name the thing.
CHECKS.update({
    "article-cookie-it.txt": (".txt", (
        'Home\n'
        'Cronaca\n'
        'Il Garante multa un sito per i cookie\n'
        'Il Garante della privacy ha multato ieri un grande sito di commercio elettronico per aver installato'
        ' cookie di profilazione senza il consenso degli utenti.\n'
        "Secondo l'autorità, il banner non offriva un modo semplice per rifiutare tutti i cookie, come invece"
        ' richiede la legge europea.\n'
        "L'azienda ha trenta giorni per adeguarsi e potrà presentare ricorso al tribunale.\n"
    ), True),
    "article-outage-nl.txt": (".txt", (
        'Home\n'
        'Binnenland\n'
        'Storing bij betaalapp verholpen\n'
        'De storing bij een populaire betaalapp is dinsdagavond verholpen, nadat gebruikers urenlang een '
        'foutmelding kregen bij het inloggen.\n'
        'Volgens het bedrijf lag de oorzaak bij een mislukte update van de servers, en zijn er geen gegevens '
        'van klanten verloren gegaan.\n'
        'Klanten die dubbel hebben betaald, krijgen hun geld deze week terug.\n'
    ), True),
    "article-paywall-pt.txt": (".txt", (
        'Início\n'
        'Mídia\n'
        'Jornais apostam em assinaturas digitais\n'
        'Os principais jornais do país anunciaram nesta segunda-feira que vão limitar o número de reportagens'
        ' gratuitas e pedir aos leitores que façam uma assinatura digital.\n'
        'Segundo os editores, a queda da publicidade tornou impossível manter todo o conteúdo aberto, e os '
        'assinantes terão acesso ilimitado ao site e ao aplicativo.\n'
        'A mudança começa no próximo mês.\n'
    ), True),
    "article-captcha-de.txt": (".txt", (
        'Startseite\n'
        'Digital\n'
        'Forscher knacken Captchas mit KI\n'
        'Forscher einer Universität haben gezeigt, dass eine künstliche Intelligenz die meisten Captchas '
        'schneller löst als Menschen, die damit beweisen sollen, dass sie kein Roboter sind.\n'
        'Die Ergebnisse stellen nach Ansicht der Autoren den Nutzen solcher Tests grundsätzlich in Frage.\n'
        'Anbieter arbeiten bereits an neuen Verfahren, die das Verhalten im Browser auswerten.\n'
    ), True),
    "article-passkey-en.txt": (".txt", (
        'Home\n'
        'Tech\n'
        'Bank adds passkeys to its app\n'
        'Customers of the national bank can now sign in to its app with a passkey instead of a password, the '
        'bank said on Monday.\n'
        'The change is meant to stop phishing attacks, which have risen sharply this year, and customers can '
        'keep using their old password if they prefer.\n'
    ), True),
    "article-404-es.txt": (".txt", (
        'Portada\n'
        'Tecnología\n'
        'El archivo de la web pierde millones de páginas\n'
        'Un estudio publicado el lunes revela que casi la mitad de los enlaces de artículos de hace diez años'
        ' devuelven hoy un error 404 o llevan a páginas que ya no existen.\n'
        'Los autores piden a los medios que conserven sus archivos y que redirijan las direcciones antiguas.\n'
        'La biblioteca nacional ya guarda copias de miles de sitios.\n'
    ), True),
    "article-maintenance-fr.txt": (".txt", (
        'Accueil\n'
        'Transports\n'
        'Le métro fermé ce week-end pour travaux de maintenance\n'
        'La ligne 2 du métro sera fermée samedi et dimanche pour des travaux de maintenance sur les voies, a '
        'annoncé jeudi la régie des transports.\n'
        'Des bus de remplacement circuleront toutes les dix minutes entre les stations concernées.\n'
        'La régie conseille aux voyageurs de prévoir un temps de trajet plus long.\n'
    ), True),
})

# Short articles on sites whose menu says "home page" (Ana Sayfa, Strona główna, الصفحة الرئيسية):
# a menu label is no error text, whatever a 404 page's "back to the home page" link shares with it.
CHECKS.update({
    "article-nav-home-tr.txt": (".txt", (
        'Ana Sayfa\n'
        'Gündem\n'
        'Spor\n'
        'Belediyeden yeni otobüs hattı\n'
        'Belediye, kuzey mahallelerini doğrudan tren istasyonuna bağlayan yeni bir otobüs hattını pazartesi günü hizmete açıyor.\n'
        'Otobüsler hafta içi yirmi dakikada bir, hafta sonu ise saatte bir sefer yapacak.\n'
        'Mahalle sakinleri yıllardır daha iyi bir bağlantı talep ediyordu.\n'
    ), True),
    "article-nav-home-pl.txt": (".txt", (
        'Strona główna\n'
        'Kraj\n'
        'Sport\n'
        'Nowa linia autobusowa na północy miasta\n'
        'Od poniedziałku nowa linia autobusowa połączy północne osiedla bezpośrednio z dworcem kolejowym.\n'
        'Autobusy będą kursować w dni robocze co dwadzieścia minut, a w weekendy co godzinę.\n'
        'Mieszkańcy od lat domagali się lepszego połączenia z centrum.\n'
    ), True),
})

# A short article whose headline opens with an error phrase, as its <title> repeats it: one title
# said twice, not two error titles.
CHECKS.update({
    "article-denied-headline-en.html": (".html", page("en", "Access denied: judge orders port authority to open its books | The Valley Courier",
        "<h1>Access denied: judge orders port authority to open its books</h1>"
        "<p>A judge ruled on Wednesday that the port authority had no right to refuse a reporter's request "
        "for the costs of the new container terminal.</p>"
        "<p>The authority must hand over the papers within a month, the court said, unless it can show "
        "that a named business would be harmed.</p>"
        "<p>Its chair said the board would read the ruling before deciding on an appeal.</p>"), True),
})

# An article that quotes the error message its readers saw: a message reported, not said.
CHECKS.update({
    "article-quoted-error-en.txt": (".txt", (
        'Home\n'
        'Business\n'
        'Card outage leaves shoppers unable to pay\n'
        'Shoppers across the county could not pay by card for nearly three hours on Saturday after a fault '
        'at a payment company took thousands of terminals offline.\n'
        'Customers said the tills showed an error message reading "service unavailable" whenever they '
        'tried to pay, and several small shops closed their doors until it was fixed.\n'
        'The company blamed a faulty software update and said no card details had been exposed.\n'
        'Retailers called for backup systems to be required by law.\n'
    ), True),
})

# A short article about paywalls whose second paragraph names the prompt, with more article below
# it: a teaser ends at its prompt, so this is no teaser.
CHECKS.update({
    "article-prompt-inside-en.txt": (".txt", (
        'Home\n'
        'Media\n'
        'More local papers put stories behind a paywall\n'
        'Two thirds of the region\'s local papers now charge for some of their stories, a survey of editors found.\n'
        'Readers usually see one paragraph and a box asking them to subscribe to continue reading.\n'
        'Editors say falling advertising income leaves them little choice, and that most readers accept it once they are asked.\n'
        'Some papers open their archives after a week, and several let pupils and students read for free.\n'
    ), True),
})

# Ad-blocker walls, age gates and pages that only ask for JavaScript, and an article about ad blockers.
CHECKS.update({
    "adblock-pl.txt": (".txt", "Strona główna\nKraj\nWykryliśmy adblocka\nNasze artykuły finansują reklamy. "
                       "Wyłącz blokowanie reklam na naszej stronie i odśwież ją.\nGotowe, odśwież\n", False),
    "adblock-fr.html": (".html", page("fr", "Le Courrier", "<h2>Adblock détecté</h2><p>Notre site vit de la publicité. "
                        "Désactivez votre bloqueur pour continuer votre lecture.</p><p><a href='/'>C'est fait</a></p>"), False),
    "agegate-es.html": (".html", page("es", "Bodegas del Valle", "<h1>¿Eres mayor de edad?</h1><p>Para entrar en esta web "
                        "debes tener la edad legal para consumir alcohol en tu país.</p><p><a href='/si'>Sí</a> <a href='/no'>No</a></p>"), False),
    "agegate-de.txt": (".txt", "Sind Sie über 18 Jahre alt?\nDiese Seite enthält Inhalte, die nur für Erwachsene bestimmt sind.\n"
                       "Ja, ich bin über 18\nNein\n", False),
    "jsshell-pt.html": (".html", page("pt", "Jornal do Vale", "<noscript><p>Para ver este site é preciso ativar o JavaScript "
                        "no seu navegador.</p></noscript><div id='root'></div>"), False),
    "jsshell-it.txt": (".txt", "Gazzetta di Valle\nPer usare questo sito devi attivare JavaScript nel tuo browser.\n", False),
    "article-adblock-en.txt": (".txt", (
        'Home\n'
        'Technology\n'
        'Publishers lose millions to ad blockers\n'
        'Nearly a third of people reading news on a laptop are using an ad blocker, according to a survey of '
        'four thousand readers published by an industry group on Tuesday.\n'
        'Some sites now ask visitors to disable your ad blocker in a pop-up before they can read on, a tactic '
        'the group says mostly drives readers away to other sites.\n'
        'Younger readers were the most likely to block advertising, and few of them said they would pay for news instead.\n'
    ), True),
})

# A short article on stolen passwords in Portuguese: its sentences name the sign-in words.
CHECKS.update({
    "article-password-pt.txt": (".txt", (
        'Início\n'
        'Tecnologia\n'
        'Golpe rouba senhas de clientes de banco digital\n'
        'Milhares de clientes de um banco digital entregaram a senha a criminosos depois de receber uma mensagem falsa.\n'
        'A polícia recomenda ativar a verificação em duas etapas em todas as contas.\n'
        'O banco disse que bloqueou os acessos suspeitos e pediu a todos que troquem a senha.\n'
    ), True),
})

# A section front whose blurbs are short sentences (under 8 words, shorter than running text), but
# for one: one sentence of running text is no article among headlines and times.
CHECKS.update({
    "section-short-blurbs-es.txt": (".txt", (
        'Portada\n'
        'Medio ambiente\n'
        'Medio ambiente\n'
        'El embalse del norte, al 30 por ciento de su capacidad\n'
        'Los regantes piden al gobierno regional medidas urgentes para el verano.\n'
        'Hace 2 horas\n'
        'Voluntarios limpian la ribera del río Verde\n'
        'Recogieron dos toneladas de basura.\n'
        'Ayer\n'
        'Aviso amarillo por calor este fin de semana\n'
        'Se esperan hasta 38 grados.\n'
        'Hace 2 días\n'
        'Cierra la playa de Levante por una mancha de aceite\n'
        'El ayuntamiento investiga el origen.\n'
        'Hace 3 días\n'
        'Cargar más\n'
    ), False),
})
